//! Running `openssl` as a tiny CA for the tests (see `testpki`): keys with
//! `openssl genpkey`, requests with `openssl req -new`, certificates with
//! `openssl ca` (one database per CA, configuration in testpki.cnf), and
//! CRLs with `openssl ca -revoke` / `-gencrl` and `openssl crl -outform DER`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use der::DecodePem;
use x509_cert::Certificate;

use super::testpki::Pki;

const CONF: &str = include_str!("testpki.cnf");

/// The default validity of test certificates, 2024-01-01 to 2034-01-01.
pub(super) const LONG: (&str, &str) = ("20240101000000Z", "20340101000000Z");

const NO_SAN: &str = "email:none@example.invalid";

/// One certificate to issue.
pub(super) struct Issue<'a> {
    name: &'static str,
    key: &'a str,
    cn: &'a str,
    ext: &'a str,
    san: String,
    issuer: Option<&'a str>,
    dates: (&'a str, &'a str),
    extra: &'a [&'a str],
}

impl<'a> Issue<'a> {
    /// Self-signed unless an issuer is given; `key` names `KEY.key`, `ext`
    /// a section of testpki.cnf.
    pub fn new(name: &'static str, key: &'a str, cn: &'a str, ext: &'a str) -> Self {
        Issue {
            name,
            key,
            cn,
            ext,
            san: NO_SAN.into(),
            issuer: None,
            dates: LONG,
            extra: &[],
        }
    }

    pub fn issuer(mut self, issuer: &'a str) -> Self {
        self.issuer = Some(issuer);
        self
    }

    pub fn san(mut self, san: &str) -> Self {
        self.san = san.into();
        self
    }

    pub fn dates(mut self, dates: (&'a str, &'a str)) -> Self {
        self.dates = dates;
        self
    }

    pub fn extra(mut self, extra: &'a [&'a str]) -> Self {
        self.extra = extra;
        self
    }
}

/// A scratch directory where the CAs live while the PKI is made.
pub(super) struct Ca {
    tmp: tempfile::TempDir,
    keys: HashMap<String, String>,
    pki: Pki,
}

impl Ca {
    pub fn new() -> Self {
        let tmp = match tempfile::TempDir::new() {
            Ok(t) => t,
            Err(e) => panic!("temp dir: {e}"),
        };
        write(&tmp.path().join("ca.cnf"), CONF.as_bytes());
        Ca {
            tmp,
            keys: HashMap::new(),
            pki: Pki {
                certs: HashMap::new(),
                crls: HashMap::new(),
            },
        }
    }

    pub fn finish(self) -> Pki {
        self.pki
    }

    fn dir(&self) -> &Path {
        self.tmp.path()
    }

    /// `openssl genpkey OPTIONS -out NAME.key`
    pub fn genpkey(&mut self, name: &str, options: &[&str]) {
        let out = format!("{name}.key");
        let mut args = vec!["genpkey"];
        args.extend_from_slice(options);
        args.extend_from_slice(&["-out", &out]);
        self.run(&args, "none", NO_SAN);
    }

    /// `openssl req -new -key KEY.key -subj /CN=..`, then `openssl ca -batch
    /// -extensions EXT -startdate A -enddate B`, signed with the issuer's key
    /// and certificate or self-signed (`-selfsign`).
    pub fn issue(&mut self, i: Issue<'_>) {
        let key = format!("{}.key", i.key);
        let csr = format!("{}.csr", i.name);
        let subj = format!("/CN={}", i.cn);
        self.run(
            &["req", "-new", "-key", &key, "-subj", &subj, "-out", &csr],
            "none",
            NO_SAN,
        );
        let db = i.issuer.unwrap_or(i.name);
        self.ensure_db(db);
        let out = format!("{}.pem", i.name);
        let mut args: Vec<String> = [
            "ca", "-batch", "-config", "ca.cnf", "-notext", "-in", &csr, "-out", &out,
        ]
        .into_iter()
        .chain([
            "-extensions",
            i.ext,
            "-startdate",
            i.dates.0,
            "-enddate",
            i.dates.1,
        ])
        .map(String::from)
        .collect();
        match i.issuer {
            Some(issuer) => args.extend([
                "-keyfile".into(),
                self.key_of(issuer),
                "-cert".into(),
                format!("{issuer}.pem"),
            ]),
            None => args.extend(["-selfsign".into(), "-keyfile".into(), key.clone()]),
        }
        args.extend(i.extra.iter().map(|s| s.to_string()));
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        self.run(&refs, db, &i.san);
        let cert = match Certificate::from_pem(read(&self.dir().join(&out))) {
            Ok(c) => c,
            Err(e) => panic!("{out}: {e}"),
        };
        self.keys.insert(i.name.to_string(), key);
        self.pki.certs.insert(i.name, cert);
    }

    /// `openssl ca -revoke NAME.pem -crl_reason REASON`, then the revocation
    /// date in the CA database is set to a fixed `date` (YYMMDDHHMMSSZ).
    pub fn revoke(&mut self, ca: &str, name: &str, reason: &str, date: &str) {
        let key = self.key_of(ca);
        let (cert, target) = (format!("{ca}.pem"), format!("{name}.pem"));
        self.run(
            &[
                "ca",
                "-batch",
                "-config",
                "ca.cnf",
                "-keyfile",
                &key,
                "-cert",
                &cert,
                "-revoke",
                &target,
                "-crl_reason",
                reason,
            ],
            ca,
            NO_SAN,
        );
        let cn = crate::smime::cert::common_name(&self.pki.cert(name)).unwrap_or_default();
        let subject = format!("/CN={cn}");
        let index_path = self.dir().join(ca).join("index.txt");
        let index = String::from_utf8_lossy(&read(&index_path)).into_owned();
        let lines: Vec<String> = index
            .lines()
            .map(|line| {
                let mut cols: Vec<String> = line.split('\t').map(str::to_string).collect();
                if cols.len() == 6 && cols[0] == "R" && cols[5] == subject {
                    cols[2] = format!("{date},{reason}");
                }
                cols.join("\t")
            })
            .collect();
        write(&index_path, format!("{}\n", lines.join("\n")).as_bytes());
    }

    /// `openssl ca -gencrl -crl_lastupdate A -crl_nextupdate B`, then
    /// `openssl crl -outform DER`.
    pub fn gencrl(&mut self, name: &'static str, ca: &str, (last, next): (&str, &str)) {
        let key = self.key_of(ca);
        let cert = format!("{ca}.pem");
        let (pem, der) = (format!("{name}.crl.pem"), format!("{name}.crl.der"));
        self.run(
            &[
                "ca",
                "-batch",
                "-config",
                "ca.cnf",
                "-keyfile",
                &key,
                "-cert",
                &cert,
                "-gencrl",
                "-crl_lastupdate",
                last,
                "-crl_nextupdate",
                next,
                "-out",
                &pem,
            ],
            ca,
            NO_SAN,
        );
        self.run(
            &["crl", "-in", &pem, "-outform", "DER", "-out", &der],
            "none",
            NO_SAN,
        );
        let bytes = read(&self.dir().join(der));
        self.pki.crls.insert(name, bytes);
    }

    fn key_of(&self, name: &str) -> String {
        match self.keys.get(name) {
            Some(k) => k.clone(),
            None => panic!("no key recorded for {name}"),
        }
    }

    /// A CA database: empty index.txt, serial and crlnumber files.
    fn ensure_db(&self, ca: &str) {
        let db = self.dir().join(ca);
        if db.exists() {
            return;
        }
        if let Err(e) = std::fs::create_dir(&db) {
            panic!("{}: {e}", db.display());
        }
        write(&db.join("index.txt"), b"");
        write(&db.join("serial"), b"1000\n");
        write(&db.join("crlnumber"), b"01\n");
    }

    /// Runs openssl in the scratch directory with `$CADIR` set to the CA
    /// database `ca` and `$SAN` to the subjectAltName for a leaf.
    fn run(&self, args: &[&str], ca: &str, san: &str) {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(self.dir())
            .env("CADIR", PathBuf::from(self.dir()).join(ca))
            .env("SAN", san)
            .output();
        match out {
            Ok(o) if o.status.success() => {}
            Ok(o) => panic!(
                "openssl {args:?} failed: {}",
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => panic!("cannot run openssl: {e}"),
        }
    }
}

fn read(path: &Path) -> Vec<u8> {
    match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        panic!("{}: {e}", path.display());
    }
}
