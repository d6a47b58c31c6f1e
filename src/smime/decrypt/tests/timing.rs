//! Release-mode timing of the SPEC section 8 workload: 1 MB to 100
//! RSA-2048 recipients. Run with
//! `cargo test --release --lib encrypt_1mb_to_100_rsa -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use super::fixture::make_party;
use super::*;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[test]
#[ignore = "timing; run in release mode with --ignored --nocapture"]
fn encrypt_1mb_to_100_rsa_recipients() {
    let dir = tempfile::tempdir().unwrap();
    // 100 distinct keys and certificates, made with
    // `openssl req -x509 -newkey rsa:2048 ...` (see fixture::make_party).
    let names: Vec<&'static str> = (0..100)
        .map(|i| &*Box::leak(format!("r{i}").into_boxed_str()))
        .collect();
    let parties: Vec<_> = names
        .iter()
        .map(|n| make_party(dir.path(), n, &["-newkey", "rsa:2048"], "keyEncipherment"))
        .collect();
    let certs: Vec<Certificate> = parties.iter().map(|p| p.cert.clone()).collect();
    let mut content = vec![0u8; 1 << 20];
    rand::fill(content.as_mut_slice());
    breakdown(&certs, &content);
    for (cipher, padding) in [
        (Cipher::Aes256Gcm, RsaPadding::Pkcs1v15),
        (Cipher::Aes256Gcm, RsaPadding::Oaep),
        (Cipher::Aes256Cbc, RsaPadding::Pkcs1v15),
    ] {
        let mut times = Vec::new();
        let mut msg = Vec::new();
        for _ in 0..21 {
            let start = Instant::now();
            msg = encrypt(&content, &certs, cipher, padding).unwrap();
            times.push(start.elapsed());
        }
        let best = *times.iter().min().unwrap();
        println!(
            "encrypt 1 MB to 100 RSA-2048, {cipher:?}/{padding:?}: median {:?}, best {best:?}",
            median(times)
        );
        let mut times = Vec::new();
        for _ in 0..21 {
            let start = Instant::now();
            let out = decrypt(&msg, &parties[99].key, &parties[99].cert).unwrap();
            times.push(start.elapsed());
            assert_eq!(out.content.len(), content.len());
        }
        println!(
            "decrypt that message (last recipient): median {:?}",
            median(times)
        );
    }
}

/// Where the time goes: parsing the 100 keys, the 100 RSA operations, and
/// the content encryption alone.
fn breakdown(certs: &[Certificate], content: &[u8]) {
    use crate::smime::ktri::RsaRecipient;
    let start = Instant::now();
    let parsed: Vec<_> = certs
        .iter()
        .map(|c| RsaRecipient::from_certificate(c).unwrap().unwrap())
        .collect();
    let parse = start.elapsed();
    let start = Instant::now();
    for r in &parsed {
        r.wrap(&[7; 32], RsaPadding::Pkcs1v15).unwrap();
    }
    let wrap = start.elapsed();
    let start = Instant::now();
    encrypt(
        content,
        &certs[..1],
        Cipher::Aes256Gcm,
        RsaPadding::Pkcs1v15,
    )
    .unwrap();
    let one = start.elapsed();
    println!("100 key parses {parse:?}, 100 RSA wraps {wrap:?}, 1 MB to one recipient {one:?}");
}
