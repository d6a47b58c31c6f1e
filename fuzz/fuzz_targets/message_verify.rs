//! Whole received messages, as `mailseal verify` reads them: every layer
//! of signatures and encryption in either protocol is peeled and judged,
//! and the header checks run. Any input ends in a verdict or an error;
//! the verdict's exit code agrees with its signatures, also under a
//! per-domain policy.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mailseal::keyring::Keyring;
use mailseal::config::Config;
use mailseal::message::verify_message;
use mailseal::time::Timestamp;
use mailseal::trust::TrustData;

/// One empty keyring for the whole run.
fn keyring() -> &'static Keyring {
    static KEYRING: OnceLock<(tempfile::TempDir, Keyring)> = OnceLock::new();
    let (_, k) = KEYRING.get_or_init(|| {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let k = Keyring::open(dir.path()).expect("open keyring");
        (dir, k)
    });
    k
}

/// A policy for the domains fuzzed messages most likely name.
fn policy() -> &'static mailseal::policy::Policy {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    let text = "require-signature example.org\nrequire-encryption example.com\n";
    &CONFIG
        .get_or_init(|| Config::parse(text).expect("policy"))
        .policy
}

fuzz_target!(|data: &[u8]| {
    let at = Timestamp::parse_rfc3339("2026-06-01T12:00:00Z").expect("time");
    let trust = TrustData::load(keyring(), at).expect("trust data");
    if let Ok(v) = verify_message(&trust, policy(), data, None) {
        let any_bad = v
            .verdict
            .signatures
            .iter()
            .any(|s| s.exit_code().code() == 1);
        // Nothing in an empty keyring is trusted.
        assert_ne!(v.verdict.exit, 0, "trusted with an empty keyring");
        assert!(v.verdict.layers.len() <= mailseal::message::peel::MAX_LAYERS);
        if any_bad {
            assert_eq!(v.verdict.exit, 1, "a bad layer must decide the verdict");
        }
    }
});
