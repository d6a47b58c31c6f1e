//! Timings against SPEC.md section 8, printed, not asserted (a timed
//! test on a shared machine would be flaky). Run in a release build:
//! `cargo test --release --lib openpgp::tests::perf -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use super::util::{cert, cert_v1_only, signer, AT};
use crate::openpgp::*;

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

#[test]
#[ignore = "timing; run in release with --ignored --nocapture"]
fn time_one_megabyte_operations() {
    let data = vec![b'a'; 1 << 20];
    let (alice, bob) = (cert("alice@example.org"), cert("bob@example.org"));
    let hundred: Vec<Recipient> = (0..100)
        .map(|i| Recipient {
            cert: cert_v1_only(&format!("r{i}@example.org")),
            hidden: false,
            expired_ok: false,
        })
        .collect();
    let hundred_v2: Vec<Recipient> = (0..100)
        .map(|i| Recipient {
            cert: cert(&format!("r{i}@example.org")),
            hidden: false,
            expired_ok: false,
        })
        .collect();
    let key = signer(&alice, AT);
    let t = median(9, || {
        encrypt(&data, &hundred, None, AT).unwrap();
    });
    println!("encrypt 1 MB to 100 Cv25519 recipients, SEIPD v1: {t:?} (target 15 ms)");
    let t = median(9, || {
        encrypt(&data, &hundred_v2, None, AT).unwrap();
    });
    println!("encrypt 1 MB to 100 Cv25519 recipients, SEIPD v2: {t:?} (target 15 ms)");
    let sig = sign_detached(&key, &data, AT).unwrap();
    println!(
        "sign 1 MB: {:?} (target 5 ms)",
        median(9, || {
            sign_detached(&key, &data, AT).unwrap();
        })
    );
    let keys = MemoryKeys::new([alice.clone().strip_secret_key_material()]);
    println!(
        "verify 1 MB: {:?} (target 5 ms)",
        median(9, || {
            assert!(verify_detached(&data, &sig.armored, &keys, AT).unwrap()[0].is_good());
        })
    );
    for (label, who) in [("v2", bob.clone()), ("v1", cert_v1_only("old@example.org"))] {
        let r = [Recipient {
            cert: who.clone(),
            hidden: false,
            expired_ok: false,
        }];
        let e = encrypt(&data, &r, Some(&key), AT).unwrap();
        let keys = MemoryKeys::new([who, alice.clone().strip_secret_key_material()]);
        println!(
            "decrypt+verify 1 MB, SEIPD {label}: {:?} (target 5 ms)",
            median(9, || {
                assert_eq!(
                    decrypt(&e.armored, &keys, AT).unwrap().plaintext.len(),
                    data.len()
                );
            })
        );
    }
    let mut raw = b"From: alice@example.org\r\nTo: bob@example.org\r\nSubject: s\r\n\r\n".to_vec();
    raw.extend(std::iter::repeat_n(b"4 KB of text, line by line.\r\n".as_slice(), 140).flatten());
    let signed = sign_message(&raw, &key, AT).unwrap();
    let start = Instant::now();
    for _ in 0..1000 {
        let r = verify_message(&signed, &keys, AT).unwrap();
        assert!(r.signed[0].signatures[0].is_good());
    }
    println!(
        "verify 1,000 signed 4 KB messages, one core: {:?} each (target 0.1 ms)",
        start.elapsed() / 1000
    );
}
