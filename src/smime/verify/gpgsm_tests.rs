//! Interoperability with GnuPG's `gpgsm` (tested with 2.2.40): it accepts
//! our RSA and ECDSA signatures, and we check its signatures, which are
//! BER and leave out a self-signed signer's certificate. gpgsm 2.2 has
//! no Ed25519 for CMS.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

use crate::smime::cert::fingerprint_sha1;
use crate::smime::sign::sign;
use crate::smime::verify::fixture::{keys, Fixture, Work, CONTENT};
use crate::smime::verify::{verify, verify_with_certs, SignatureStatus};
use crate::time::Timestamp;

/// A throwaway GnuPG home. Dropping it stops the gpg-agent gpgsm started
/// there (`gpgconf --kill gpg-agent` for this home only).
struct Gpgsm {
    home: TempDir,
}

impl Gpgsm {
    fn new() -> Option<Self> {
        let found = Command::new("gpgsm").arg("--version").output();
        if !found.is_ok_and(|o| o.status.success()) {
            eprintln!("note: gpgsm not found; skipping this interoperability test");
            return None;
        }
        let home = TempDir::new().unwrap();
        std::fs::write(home.path().join("gpgsm.conf"), "disable-crl-checks\n").unwrap();
        std::fs::write(
            home.path().join("gpg-agent.conf"),
            "allow-loopback-pinentry\n",
        )
        .unwrap();
        Some(Gpgsm { home })
    }

    /// `gpgsm --batch ARGS...` with `stdin` fed in.
    fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        let mut child = Command::new("gpgsm")
            .env("GNUPGHOME", self.home.path())
            .arg("--batch")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        child.wait_with_output().unwrap()
    }

    /// Imports a certificate and marks it trusted for signing
    /// (`FINGERPRINT S relax` in trustlist.txt).
    fn import_cert(&self, work: &Work, f: &Fixture) {
        let (_, crt) = work.install(f);
        // gpgsm --import NAME.crt
        let out = self.run(&["--import", &crt], b"");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = format!("{} S relax\n", fingerprint_sha1(&f.cert));
        let path = self.home.path().join("trustlist.txt");
        let mut list = std::fs::read_to_string(&path).unwrap_or_default();
        list.push_str(&line);
        std::fs::write(path, list).unwrap();
    }

    /// `gpgsm --status-fd 1 --verify sig.der [content.bin]`: the status lines.
    fn verify(&self, work: &Work, sig: &[u8], content: Option<&[u8]>) -> String {
        let sig = work.write("gpgsm-sig.der", sig);
        let mut args = vec!["--status-fd", "1", "--verify", &sig];
        let content = content.map(|c| work.write("gpgsm-content.bin", c));
        args.extend(content.as_deref());
        String::from_utf8_lossy(&self.run(&args, b"").stdout).into_owned()
    }
}

impl Drop for Gpgsm {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("GNUPGHOME", self.home.path())
            .args(["--kill", "gpg-agent"])
            .output();
    }
}

#[test]
fn gpgsm_verifies_our_rsa_and_ecdsa_signatures() {
    let Some(keys) = keys() else { return };
    let Some(gpgsm) = Gpgsm::new() else { return };
    let work = Work::new();
    for f in [&keys.rsa, &keys.p256, &keys.p384] {
        gpgsm.import_cert(&work, f);
        let detached = sign(CONTENT, &f.signer(), Timestamp::now(), true).unwrap();
        let status = gpgsm.verify(&work, &detached, Some(CONTENT));
        assert!(status.contains("[GNUPG:] GOODSIG"), "{}: {status}", f.name);
        let status = gpgsm.verify(&work, &detached, Some(b"changed"));
        assert!(status.contains("[GNUPG:] BADSIG"), "{}: {status}", f.name);
        let opaque = sign(CONTENT, &f.signer(), Timestamp::now(), false).unwrap();
        let status = gpgsm.verify(&work, &opaque, None);
        assert!(status.contains("[GNUPG:] GOODSIG"), "{}: {status}", f.name);
    }
}

#[test]
fn verifies_gpgsm_rsa_signatures() {
    let Some(keys) = keys() else { return };
    let Some(gpgsm) = Gpgsm::new() else { return };
    let work = Work::new();
    let f = &keys.rsa;
    let (key, crt) = work.install(f);
    let loopback = ["--pinentry-mode", "loopback", "--passphrase-fd", "0"];
    // gpgsm 2.2 reads only legacy PKCS#12 encryption, and even then
    // rejects some files depending on the random salt ("decryption failed;
    // trying charset ..."), so a fresh file is made for each attempt:
    // openssl pkcs12 -export -inkey rsa.key -in rsa.crt -keypbe PBE-SHA1-3DES
    //   -certpbe PBE-SHA1-3DES -macalg sha1 -passout pass:test -out rsa.p12
    let mut stderr = String::new();
    let imported = (0..8).any(|_| {
        work.openssl_ok(&[
            "pkcs12",
            "-export",
            "-inkey",
            &key,
            "-in",
            &crt,
            "-keypbe",
            "PBE-SHA1-3DES",
            "-certpbe",
            "PBE-SHA1-3DES",
            "-macalg",
            "sha1",
            "-passout",
            "pass:test",
            "-out",
            "rsa.p12",
        ]);
        let p12 = work.path("rsa.p12");
        let out = gpgsm.run(
            &[&loopback[..], &["--import", p12.to_str().unwrap()]].concat(),
            b"test\n",
        );
        stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        out.status.success() && !stderr.contains("error parsing or decrypting")
    });
    assert!(imported, "{stderr}");
    gpgsm.import_cert(&work, f);
    let content = work.write("content.bin", CONTENT);
    for (mode, detached) in [("--detach-sign", true), ("--sign", false)] {
        let out = work.path("gpgsm.sig");
        let out = out.to_str().unwrap();
        // gpgsm --pinentry-mode loopback --passphrase-fd 0 (--detach-sign|--sign)
        //   -u rsa@example.org -o gpgsm.sig content.bin
        let args = [
            &loopback[..],
            &[mode, "-u", "rsa@example.org", "-o", out, &content],
        ]
        .concat();
        let signed = gpgsm.run(&args, b"test\n");
        assert!(
            signed.status.success(),
            "{}",
            String::from_utf8_lossy(&signed.stderr)
        );
        let sig = work.read("gpgsm.sig");
        assert_eq!(&sig[..2], &[0x30, 0x80], "gpgsm writes indefinite lengths");
        let given = detached.then_some(CONTENT);
        // By default gpgsm leaves out a self-signed signer certificate.
        let alone = verify(&sig, given).unwrap();
        assert_eq!(
            alone.signers[0].status,
            SignatureStatus::Error("signer certificate not included".into())
        );
        let result = verify_with_certs(&sig, given, std::slice::from_ref(&f.cert)).unwrap();
        assert_eq!(result.content, CONTENT);
        assert_eq!(result.signers[0].status, SignatureStatus::Good, "{mode}");
        let t = result.signers[0].signing_time.unwrap();
        assert!(t.0.abs_diff(Timestamp::now().0) < 600);
    }
}
