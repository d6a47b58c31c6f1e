//! Interoperability with `openssl cms` both ways, and the failure cases.
//! Every vector is made at test time by the openssl command named beside
//! it, in a throwaway directory.

mod fixture;
mod negative;
mod provider;
mod timing;

use std::path::Path;

use der::Decode;

use fixture::{fixture, openssl, sample_content, Party};

use super::*;
use crate::smime::encrypt::{encrypt, Cipher, RsaPadding};

/// Encrypts with openssl to `parties` with the extra `opts`
/// (`openssl cms -encrypt -binary -outform DER -in plain.bin -out msg.der
///  <opts> -recip A.crt [-keyopt ...] -recip B.crt ...`) and returns DER or
/// BER as openssl wrote it.
fn openssl_encrypt(
    dir: &Path,
    content: &[u8],
    opts: &[&str],
    recips: &[(&Party, &[&str])],
) -> Vec<u8> {
    std::fs::write(dir.join("plain.bin"), content).unwrap();
    let mut args: Vec<String> = [
        "cms",
        "-encrypt",
        "-binary",
        "-outform",
        "DER",
        "-in",
        "plain.bin",
        "-out",
        "msg.der",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(opts.iter().map(|s| s.to_string()));
    for (party, keyopts) in recips {
        party.write_to(dir);
        args.push("-recip".into());
        args.push(party.cert_file());
        for k in *keyopts {
            args.push("-keyopt".into());
            args.push(k.to_string());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    openssl(dir, &args);
    std::fs::read(dir.join("msg.der")).unwrap()
}

/// Decrypts with openssl as `party`
/// (`openssl cms -decrypt -binary -inform DER -in msg.der -recip P.crt
///  -inkey P.key -out out.bin`).
fn openssl_decrypt(dir: &Path, msg: &[u8], party: &Party) -> Vec<u8> {
    party.write_to(dir);
    std::fs::write(dir.join("msg.der"), msg).unwrap();
    let (cert, key) = (party.cert_file(), party.key_file());
    openssl(
        dir,
        &[
            "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "msg.der", "-recip", &cert,
            "-inkey", &key, "-out", "out.bin",
        ],
    );
    std::fs::read(dir.join("out.bin")).unwrap()
}

fn all_recipients(f: &fixture::Fixture) -> Vec<&Party> {
    f.rsa.iter().chain([&f.p256]).collect()
}

#[test]
fn ours_is_decrypted_by_openssl_for_every_recipient() {
    let Some(f) = fixture() else { return };
    let dir = tempfile::tempdir().unwrap();
    let content = sample_content();
    let parties = all_recipients(f);
    let certs: Vec<Certificate> = parties.iter().map(|p| p.cert.clone()).collect();
    for cipher in [Cipher::Aes256Gcm, Cipher::Aes256Cbc] {
        for padding in [RsaPadding::Pkcs1v15, RsaPadding::Oaep] {
            let msg = encrypt(&content, &certs, cipher, padding).unwrap();
            for party in &parties {
                let out = openssl_decrypt(dir.path(), &msg, party);
                assert_eq!(out, content, "{cipher:?} {padding:?} as {}", party.name);
                let ours = decrypt(&msg, &party.key, &party.cert).unwrap();
                assert_eq!(ours.content.as_slice(), content.as_slice());
                assert_eq!(ours.integrity_protected, cipher == Cipher::Aes256Gcm);
            }
        }
    }
}

#[test]
fn our_output_structure() {
    let Some(f) = fixture() else { return };
    let certs: Vec<Certificate> = all_recipients(f).iter().map(|p| p.cert.clone()).collect();
    let gcm = encrypt(b"x", &certs, Cipher::Aes256Gcm, RsaPadding::Oaep).unwrap();
    let info = cms::content_info::ContentInfo::from_der(&gcm).unwrap();
    assert_eq!(
        info.content_type,
        const_oid::db::rfc5911::ID_CT_AUTH_ENVELOPED_DATA
    );
    let aed: cms::authenveloped_data::AuthEnvelopedData = info.content.decode_as().unwrap();
    assert_eq!(aed.version, cms::content_info::CmsVersion::V0);
    assert_eq!(aed.recip_infos.0.len(), 4);
    assert_eq!(aed.mac.as_bytes().len(), 16);
    let cbc = encrypt(b"x", &certs, Cipher::Aes256Cbc, RsaPadding::Pkcs1v15).unwrap();
    let info = cms::content_info::ContentInfo::from_der(&cbc).unwrap();
    let ed: cms::enveloped_data::EnvelopedData = info.content.decode_as().unwrap();
    // Version 2 because a KeyAgreeRecipientInfo is present.
    assert_eq!(ed.version, cms::content_info::CmsVersion::V2);
    let ct = ed.encrypted_content.encrypted_content.unwrap();
    assert_eq!(ct.as_bytes().len(), 16);
}

#[test]
fn recipients_lists_and_matches_every_certificate() {
    let Some(f) = fixture() else { return };
    let parties = all_recipients(f);
    let certs: Vec<Certificate> = parties.iter().map(|p| p.cert.clone()).collect();
    let msg = encrypt(b"hi", &certs, Cipher::Aes256Gcm, RsaPadding::Pkcs1v15).unwrap();
    let ids = recipients(&msg).unwrap();
    assert_eq!(ids.len(), 4);
    for party in &parties {
        let n = ids.iter().filter(|id| id.matches(&party.cert)).count();
        assert_eq!(n, 1, "{}", party.name);
    }
    assert!(!ids.iter().any(|id| id.matches(&f.p384.cert)));
}

#[test]
fn empty_and_block_sized_content_round_trip() {
    let Some(f) = fixture() else { return };
    let party = &f.rsa[0];
    for len in [0, 1, 15, 16, 17, 4096] {
        let content = vec![0xa5; len];
        for cipher in [Cipher::Aes256Gcm, Cipher::Aes256Cbc] {
            let msg = encrypt(
                &content,
                std::slice::from_ref(&party.cert),
                cipher,
                RsaPadding::Oaep,
            )
            .unwrap();
            let out = decrypt(&msg, &party.key, &party.cert).unwrap();
            assert_eq!(
                out.content.as_slice(),
                content.as_slice(),
                "{cipher:?} {len}"
            );
        }
    }
}

/// What we expect from decrypting one openssl message.
struct Case {
    opts: &'static [&'static str],
    keyopts: &'static [&'static str],
    cipher: &'static str,
}

fn check_openssl_cases(to: &Party, others: &[&Party], cases: &[Case]) {
    let dir = tempfile::tempdir().unwrap();
    let content = sample_content();
    for case in cases {
        let mut recips: Vec<(&Party, &[&str])> = others.iter().map(|p| (*p, &[][..])).collect();
        recips.push((to, case.keyopts));
        let msg = openssl_encrypt(dir.path(), &content, case.opts, &recips);
        let out = decrypt(&msg, &to.key, &to.cert)
            .unwrap_or_else(|e| panic!("{:?} {:?}: {e}", case.opts, case.keyopts));
        assert_eq!(
            out.content.as_slice(),
            content.as_slice(),
            "{:?}",
            case.opts
        );
        assert_eq!(out.cipher, case.cipher);
        assert_eq!(out.integrity_protected, case.cipher.ends_with("GCM"));
        let ids = recipients(&msg).unwrap();
        assert_eq!(ids.len(), others.len() + 1);
        assert!(ids.iter().any(|id| id.matches(&to.cert)));
        if case.opts.contains(&"-stream") {
            // Indefinite length at the top: this really is BER.
            assert_eq!(msg.get(1), Some(&0x80));
        }
        if case.opts.contains(&"-keyid") {
            assert!(ids
                .iter()
                .all(|id| matches!(id, RecipientId::SubjectKeyId(_))));
        }
    }
}

#[test]
fn openssl_rsa_messages_are_decrypted() {
    let Some(f) = fixture() else { return };
    const OAEP: &[&str] = &["rsa_padding_mode:oaep"];
    const OAEP256: &[&str] = &["rsa_padding_mode:oaep", "rsa_oaep_md:sha256"];
    let case = |opts, keyopts, cipher| Case {
        opts,
        keyopts,
        cipher,
    };
    let cases = [
        // EnvelopedData, AES-256-CBC, PKCS#1 v1.5.
        case(&["-aes256"][..], &[][..], "AES-256-CBC"),
        case(&["-aes128"], &[], "AES-128-CBC"),
        case(&["-aes192"], &[], "AES-192-CBC"),
        // openssl 3 writes AuthEnvelopedData for GCM.
        case(&["-aes-256-gcm"], &[], "AES-256-GCM"),
        case(&["-aes-128-gcm"], &[], "AES-128-GCM"),
        case(&["-aes-192-gcm"], &[], "AES-192-GCM"),
        // BER: indefinite lengths and a chunked encryptedContent.
        case(&["-stream", "-aes256"], &[], "AES-256-CBC"),
        case(&["-stream", "-aes-256-gcm"], &[], "AES-256-GCM"),
        // OAEP with the default SHA-1 parameters, then SHA-256.
        case(&["-aes256"], OAEP, "AES-256-CBC"),
        case(&["-aes-256-gcm"], OAEP256, "AES-256-GCM"),
        // subjectKeyIdentifier as the recipient identifier.
        case(&["-keyid", "-aes-256-gcm"], &[], "AES-256-GCM"),
    ];
    check_openssl_cases(&f.rsa[1], &[&f.rsa[0], &f.p256], &cases);
}

#[test]
fn openssl_ec_messages_are_decrypted() {
    let Some(f) = fixture() else { return };
    let case = |opts, keyopts, cipher| Case {
        opts,
        keyopts,
        cipher,
    };
    // openssl's defaults: the SHA-1 KDF and the AES wrap matching the
    // content key size; other KDF hashes through -keyopt ecdh_kdf_md.
    let cases = [
        case(&["-aes256"][..], &[][..], "AES-256-CBC"),
        case(&["-aes128"], &[], "AES-128-CBC"),
        case(
            &["-aes-256-gcm"],
            &["ecdh_kdf_md:sha256"][..],
            "AES-256-GCM",
        ),
        case(
            &["-stream", "-aes-128-gcm"],
            &["ecdh_kdf_md:sha384"],
            "AES-128-GCM",
        ),
        case(&["-aes192"], &["ecdh_kdf_md:sha512"], "AES-192-CBC"),
        case(&["-keyid", "-aes256"], &[], "AES-256-CBC"),
    ];
    check_openssl_cases(&f.p256, &[&f.rsa[0]], &cases);
    check_openssl_cases(&f.p384, &[&f.rsa[0]], &cases[..3]);
}

#[test]
fn fail_unsupported_recipient_key_is_named() {
    let Some(f) = fixture() else { return };
    let certs = [f.rsa[0].cert.clone(), f.p384.cert.clone()];
    match encrypt(b"x", &certs, Cipher::Aes256Gcm, RsaPadding::Pkcs1v15) {
        Err(Error::Recipients(msg)) => assert!(msg.contains("CN=p384"), "{msg}"),
        other => panic!(
            "expected Error::Recipients, got {:?}",
            other.map(|v| v.len())
        ),
    }
    assert!(matches!(
        encrypt(b"x", &[], Cipher::Aes256Gcm, RsaPadding::Pkcs1v15),
        Err(Error::Recipients(_))
    ));
}

/// The content key wrapped by several threads at once for 40 recipients
/// (the fixture's RSA and P-256 parties, over and over): one RecipientInfo
/// per recipient, however the threads shared them, and every party
/// decrypts.
#[test]
fn key_wrapped_by_several_threads_once_per_recipient() {
    use crate::smime::encrypt::{seal, ContentKey, Envelope, Recipient, Wrapping};
    let Some(f) = fixture() else { return };
    let parties: Vec<&Party> = all_recipients(f).into_iter().cycle().take(40).collect();
    let list: Vec<Recipient> = parties
        .iter()
        .map(|p| Recipient::Certificate(Box::new(p.cert.clone())))
        .collect();
    let key = ContentKey::generate();
    let wrapping = Wrapping::new(list, &key, RsaPadding::Oaep).unwrap();
    std::thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| wrapping.help());
        }
        wrapping.help();
    });
    let wrapped = wrapping.finish().unwrap();
    let content = sample_content();
    let sealed = seal(&content, &key, Cipher::Aes256Gcm).unwrap();
    let msg = Envelope::new(&wrapped, sealed).unwrap().to_der();
    let ids = recipients(&msg).unwrap();
    assert_eq!(ids.len(), parties.len());
    for party in all_recipients(f) {
        let given = parties.iter().filter(|p| p.name == party.name).count();
        let found = ids.iter().filter(|id| id.matches(&party.cert)).count();
        assert_eq!(found, given, "{}", party.name);
        let ours = decrypt(&msg, &party.key, &party.cert).unwrap();
        assert_eq!(ours.content.as_slice(), content.as_slice());
    }
}

/// With unusable recipients among many, the error names the first of
/// them in recipient order whichever thread met it first; nobody helping
/// but the one that finishes still wraps for everyone.
#[test]
fn wrapping_error_is_the_first_in_recipient_order() {
    use crate::keyring::KeptRecipient;
    use crate::smime::encrypt::{ContentKey, Recipient, Wrapping};
    use crate::time::Timestamp;
    let Some(f) = fixture() else { return };
    let cert = |p: &Party| Recipient::Certificate(Box::new(p.cert.clone()));
    let broken = || {
        Recipient::Kept(KeptRecipient {
            fingerprint: "00".into(),
            not_before: Timestamp(0),
            not_after: Timestamp(u64::MAX),
            spki: b"not a key".to_vec(),
            rid: b"not a name".to_vec(),
        })
    };
    let key = ContentKey::generate();
    for _ in 0..5 {
        let mut list: Vec<Recipient> = (0..30).map(|i| cert(&f.rsa[i % 3])).collect();
        list.insert(17, cert(&f.p384));
        list.insert(25, broken());
        let wrapping = Wrapping::new(list, &key, RsaPadding::Pkcs1v15).unwrap();
        std::thread::scope(|s| {
            s.spawn(|| wrapping.help());
            wrapping.help();
        });
        let err = wrapping.finish().err().unwrap().to_string();
        assert!(err.contains("neither be RSA-encrypted"), "{err}");
    }
    let alone = vec![cert(&f.rsa[0]), broken(), cert(&f.p384)];
    let err = Wrapping::new(alone, &key, RsaPadding::Pkcs1v15)
        .unwrap()
        .finish()
        .err()
        .unwrap()
        .to_string();
    assert!(!err.contains("neither be RSA-encrypted"), "{err}");
    let ok = Wrapping::new(vec![cert(&f.rsa[1])], &key, RsaPadding::Pkcs1v15)
        .unwrap()
        .finish();
    assert!(ok.is_ok());
    assert!(Wrapping::new(Vec::new(), &key, RsaPadding::Pkcs1v15).is_err());
}
