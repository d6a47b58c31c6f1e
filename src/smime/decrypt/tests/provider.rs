//! RSA key transport on the crypto provider against `openssl cms`, both
//! ways: every RSAES-OAEP hash and MGF1 combination we read, a label,
//! PKCS#1 v1.5, and the key sizes from 1024 to 4096 bits.

use super::fixture::{fixture, make_party, openssl, sample_content, Party};
use super::*;
use super::{openssl_decrypt, openssl_encrypt};
use crate::smime::rsa_key::{OaepHash, OaepParams};

const HASHES: [(&str, OaepHash); 5] = [
    ("sha1", OaepHash::Sha1),
    ("sha224", OaepHash::Sha224),
    ("sha256", OaepHash::Sha256),
    ("sha384", OaepHash::Sha384),
    ("sha512", OaepHash::Sha512),
];

/// The RSAES-OAEP parameters of the message's only RecipientInfo.
fn oaep_params_of(msg: &[u8]) -> OaepParams {
    let der = ber::to_der(msg).unwrap();
    let env = envelope::parse(&der).unwrap();
    let Some(RecipientInfo::Ktri(ktri)) = env.recipient_infos.first() else {
        panic!("no KeyTransRecipientInfo");
    };
    crate::smime::ktri::oaep_params(&ktri.key_enc_alg).unwrap()
}

/// `openssl cms -encrypt ... -recip rsa1.crt -keyopt rsa_padding_mode:oaep
/// -keyopt rsa_oaep_md:MD -keyopt rsa_mgf1_md:MGF [-keyopt
/// rsa_oaep_label:HEX]` for every MD and MGF: we decrypt each.
#[test]
fn openssl_oaep_every_hash_and_mgf1_combination_is_decrypted() {
    let Some(f) = fixture() else { return };
    let dir = tempfile::tempdir().unwrap();
    let content = sample_content();
    let to = &f.rsa[0];
    for (md, hash) in HASHES {
        for (mgf, mgf_hash) in HASHES {
            for label in ["", "6d61696c7365616c"] {
                let mut keyopts = vec![
                    "rsa_padding_mode:oaep".to_string(),
                    format!("rsa_oaep_md:{md}"),
                    format!("rsa_mgf1_md:{mgf}"),
                ];
                if !label.is_empty() {
                    keyopts.push(format!("rsa_oaep_label:{label}"));
                }
                let keyopts: Vec<&str> = keyopts.iter().map(String::as_str).collect();
                let msg =
                    openssl_encrypt(dir.path(), &content, &["-aes-256-gcm"], &[(to, &keyopts)]);
                let params = oaep_params_of(&msg);
                assert_eq!((params.hash, params.mgf_hash), (hash, mgf_hash));
                assert_eq!(
                    params.label,
                    if label.is_empty() {
                        &b""[..]
                    } else {
                        b"mailseal"
                    }
                );
                let out = decrypt(&msg, &to.key, &to.cert)
                    .unwrap_or_else(|e| panic!("OAEP {md}/MGF1-{mgf} label {label:?}: {e}"));
                assert_eq!(out.content.as_slice(), content.as_slice(), "{md}/{mgf}");
                // The wrong key: the unwrap itself fails, whichever path.
                assert!(
                    matches!(
                        decrypt(&msg, &f.rsa[1].key, &to.cert),
                        Err(Error::DecryptionFailed(_))
                    ),
                    "{md}/{mgf}"
                );
            }
        }
    }
}

/// Both directions and both paddings for 2048-, 3072- and 4096-bit keys;
/// for an RSA-1024 recipient we still encrypt (openssl decrypts), but an
/// RSA-1024 private key is refused, naming the size.
#[test]
fn rsa_key_sizes_both_ways_with_openssl() {
    if fixture().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let content = sample_content();
    let parties: Vec<Party> = [
        ("k2048", "rsa:2048"),
        ("k3072", "rsa:3072"),
        ("k4096", "rsa:4096"),
    ]
    .into_iter()
    .map(|(name, alg)| make_party(dir.path(), name, &["-newkey", alg], "keyEncipherment"))
    .collect();
    for party in &parties {
        for padding in [RsaPadding::Pkcs1v15, RsaPadding::Oaep] {
            let to = std::slice::from_ref(&party.cert);
            let msg = encrypt(&content, to, Cipher::Aes256Gcm, padding).unwrap();
            let out = openssl_decrypt(dir.path(), &msg, party);
            assert_eq!(out, content, "{} {padding:?}", party.name);
        }
        for keyopts in [
            &[][..],
            &["rsa_padding_mode:oaep"][..],
            &["rsa_padding_mode:oaep", "rsa_oaep_md:sha512"][..],
        ] {
            let msg = openssl_encrypt(dir.path(), &content, &["-aes256"], &[(party, keyopts)]);
            let out = decrypt(&msg, &party.key, &party.cert).unwrap();
            assert_eq!(out.content.as_slice(), content.as_slice(), "{}", party.name);
        }
        assert_eq!(
            party.key.algorithm_name(),
            format!("RSA-{}", &party.name[1..])
        );
    }

    let dir = tempfile::tempdir().unwrap();
    openssl(
        dir.path(),
        &[
            "req", "-x509", "-newkey", "rsa:1024", "-noenc", "-keyout", "old.key", "-out",
            "old.crt", "-subj", "/CN=old", "-days", "3650",
        ],
    );
    let cert_pem = std::fs::read(dir.path().join("old.crt")).unwrap();
    let cert = <Certificate as der::DecodePem>::from_pem(&cert_pem).unwrap();
    for padding in [RsaPadding::Pkcs1v15, RsaPadding::Oaep] {
        let msg = encrypt(
            &content,
            std::slice::from_ref(&cert),
            Cipher::Aes256Gcm,
            padding,
        )
        .unwrap();
        std::fs::write(dir.path().join("msg.der"), &msg).unwrap();
        openssl(
            dir.path(),
            &[
                "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "msg.der", "-recip",
                "old.crt", "-inkey", "old.key", "-out", "out.bin",
            ],
        );
        assert_eq!(std::fs::read(dir.path().join("out.bin")).unwrap(), content);
    }
    let key_pem = std::fs::read_to_string(dir.path().join("old.key")).unwrap();
    let (_, key_der) = der::pem::decode_vec(key_pem.as_bytes()).unwrap();
    let err = PrivateKey::from_pkcs8_der(&key_der).unwrap_err();
    assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
    assert!(err.to_string().contains("2048 bits"), "{err}");
}

/// PKCS#1 v1.5 with a ciphertext that is not a valid padding under our
/// key (random bytes, zeros, the wrong length): the unwrap returns a
/// random key of the expected length rather than an error, a different
/// one each time (RFC 3218 section 2.3.2).
#[test]
fn pkcs1v15_padding_failures_yield_random_keys() {
    let Some(f) = fixture() else { return };
    let PrivateKey::Rsa(key) = &f.rsa[0].key else {
        panic!("not RSA")
    };
    let mut random = vec![0u8; 256];
    rand::fill(random.as_mut_slice());
    random[0] = 0;
    for bad in [random, vec![0u8; 256], vec![1u8; 255], vec![]] {
        assert!(key.decrypt_pkcs1v15(&bad).is_none());
        let ktri = cms::enveloped_data::KeyTransRecipientInfo {
            version: cms::content_info::CmsVersion::V0,
            rid: RecipientIdentifier::SubjectKeyIdentifier(SubjectKeyIdentifier(
                der::asn1::OctetString::new(vec![1]).unwrap(),
            )),
            key_enc_alg: spki::AlgorithmIdentifierOwned {
                oid: const_oid::db::rfc5912::RSA_ENCRYPTION,
                parameters: Some(der::Any::null()),
            },
            enc_key: der::asn1::OctetString::new(bad).unwrap(),
        };
        let a = crate::smime::ktri::unwrap(&ktri, key, 32).unwrap();
        let b = crate::smime::ktri::unwrap(&ktri, key, 32).unwrap();
        assert_eq!((a.len(), b.len()), (32, 32));
        assert_ne!(a, b);
    }
}
