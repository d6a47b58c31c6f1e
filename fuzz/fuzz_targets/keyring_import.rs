//! Keyring import: format detection over PEM, DER certificates, PKCS#8,
//! PKCS#12 and CRLs. A failed import must leave the keyring empty.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailseal::keyring::Keyring;
use mailseal::passphrase::PassphraseSource;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let keyring = Keyring::open(dir.path()).expect("open keyring");
    let pass = PassphraseSource::Fixed("fuzz".to_string().into());
    if keyring.import(data, &pass).is_err() {
        assert!(keyring.all().expect("list").is_empty(), "failed import wrote something");
    }
});
