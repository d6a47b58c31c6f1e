//! The trust model: X.509 paths to user-chosen anchors, and the verdict.

pub mod cache;
pub mod digest;
pub mod grouped;
pub mod learn;
pub mod own;
#[cfg(test)]
mod own_tests;
pub mod sender;
pub(crate) mod shortcut;
pub mod verdict;
pub mod wot;
pub mod x509;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use x509_cert::Certificate;

use crate::error::Result;
use crate::keyring::cache::CacheRow;
use crate::keyring::Keyring;
use crate::time::Timestamp;
use verdict::{Trust, TrustLevel};

/// Fewer new decisions than this are not worth a keyring write.
pub(crate) const MIN_ROWS_TO_SAVE: usize = 8;

/// Everything trust decisions need from the keyring, read once per run
/// (or once per batch), not once per signature, and judged at one time.
/// Decisions are cached per signer, address and offered intermediates: in
/// memory for the run, and full-trust decisions in the keyring for later
/// runs ([`cache`]). The stored X.509 decisions are read on the first
/// X.509 decision (an OpenPGP-only run never reads them); the certificates
/// and the path validator only when a decision is not cached.
pub struct TrustData<'k> {
    keyring: &'k Keyring,
    at: Timestamp,
    /// What the X.509 decisions rest on, read with the stored decisions
    /// (which then stand in `memo`); `None` if the keyring could not be
    /// read, and nothing is cached.
    x509_inputs: OnceLock<Option<cache::Inputs>>,
    memo: Mutex<HashMap<String, Trust>>,
    /// Decisions made in this run that later runs may reuse.
    fresh: Mutex<Vec<CacheRow>>,
    loaded: OnceLock<Loaded>,
    /// The OpenPGP web of trust, built on first use (an S/MIME-only run
    /// never pays for it), or why it could not be.
    wot: OnceLock<std::result::Result<wot::WebOfTrust, String>>,
    /// Own keys, full roots and pins: full validity without the network.
    shortcuts: OnceLock<Option<shortcut::Shortcuts>>,
    /// Set once Sequoia's verification cache is loaded from the keyring:
    /// only runs that touch OpenPGP pay for reading it.
    openpgp_ready: OnceLock<()>,
    /// X.509 bindings (certificate SHA-256, address) the user pinned.
    pins: std::collections::HashSet<(String, String)>,
    /// The addresses the keyring knows under a name, looked up once per
    /// name in a run ([`TrustData::addresses_named`]).
    names: Mutex<HashMap<String, Vec<String>>>,
    /// The keyring's OpenPGP certificates for verifying, each read and
    /// parsed once in a run ([`TrustData::verifying_keys`]).
    verifying: OnceLock<crate::openpgp::KeyringKeys<'k>>,
    /// Certificates and capabilities seen in signed mail this run, kept
    /// by [`TrustData::save`]; off unless [`TrustData::learning`].
    learner: learn::Learner,
}

/// What [`TrustData::save`] kept from signed mail, or why it could not.
#[derive(Debug, Default, Clone)]
pub struct Saved {
    pub from_mail: crate::keyring::Kept,
    pub error: Option<String>,
}

/// What is read from the keyring on the first cache miss.
struct Loaded {
    known: Vec<Certificate>,
    validator: Option<x509::X509Validator>,
    error: Option<String>,
}

impl<'k> TrustData<'k> {
    /// Reads the pins; `at` is the time every decision is made for.
    pub fn load(keyring: &'k Keyring, at: Timestamp) -> Result<Self> {
        let pins = keyring
            .pins()?
            .into_iter()
            .filter(|p| p.protocol == verdict::Protocol::Smime)
            .map(|p| (p.fingerprint, p.email))
            .collect();
        Ok(TrustData {
            keyring,
            at,
            x509_inputs: OnceLock::new(),
            memo: Mutex::new(HashMap::new()),
            fresh: Mutex::new(Vec::new()),
            loaded: OnceLock::new(),
            wot: OnceLock::new(),
            shortcuts: OnceLock::new(),
            openpgp_ready: OnceLock::new(),
            pins,
            names: Mutex::new(HashMap::new()),
            verifying: OnceLock::new(),
            learner: learn::Learner::default(),
        })
    }

    /// Turns learning from signed mail on (`learn-from-mail`, on by
    /// default, for the commands that read received mail): every S/MIME
    /// signature that verifies is noted ([`TrustData::learn`]) and kept
    /// by [`TrustData::save`].
    pub fn learning(mut self, on: bool) -> Self {
        self.learner = learn::Learner::new(on);
        self
    }

    /// Notes a signature that verified, if this run learns.
    pub fn learn(&self, verified: &learn::Verified<'_>) {
        self.learner.note(verified);
    }

    /// Whether this run learns from signed mail.
    pub fn learns(&self) -> bool {
        self.learner.is_on()
    }

    /// Reads what X.509 decisions rest on and the decisions stored under
    /// it, if that has not happened yet: a caller about to validate many
    /// certificates can have it done beside other work.
    pub fn prepare_x509(&self) -> Option<&cache::Inputs> {
        self.x509_inputs
            .get_or_init(|| {
                let anchors = self.keyring.anchors().ok()?;
                let summary = self.keyring.cert_summary().ok()?;
                let crls = self.keyring.crls().ok()?;
                let inputs = cache::Inputs::new(&anchors, &summary, &crls, self.at);
                let stored = self.keyring.trust_cache(&inputs.digest).ok()?;
                if let Ok(mut memo) = self.memo.lock() {
                    memo.extend(
                        stored
                            .into_iter()
                            .filter_map(|row| cache::usable(&row, self.at).map(|t| (row.key, t))),
                    );
                }
                Some(inputs)
            })
            .as_ref()
    }

    /// Every certificate in the keyring, for signatures that do not carry
    /// their signer's certificate.
    pub fn known(&self) -> &[Certificate] {
        &self.loaded().known
    }

    fn loaded(&self) -> &Loaded {
        self.loaded.get_or_init(|| match self.load_validator() {
            Ok((known, validator)) => Loaded {
                known,
                validator: Some(validator),
                error: None,
            },
            Err(e) => Loaded {
                known: Vec::new(),
                validator: None,
                error: Some(e.to_string()),
            },
        })
    }

    fn load_validator(&self) -> Result<(Vec<Certificate>, x509::X509Validator)> {
        let anchors = self.keyring.anchors()?;
        let known: Vec<Certificate> = self.keyring.all()?.into_iter().map(|c| c.cert).collect();
        let cas: Vec<Certificate> = known
            .iter()
            .filter(|c| crate::smime::cert::is_ca(c))
            .cloned()
            .collect();
        let crls = self.keyring.crls()?;
        let ctx = x509::X509Context {
            anchors: &anchors,
            intermediates: &cas,
            crls: &crls,
            time: self.at,
        };
        Ok((known, x509::X509Validator::new(&ctx)))
    }

    /// The validity of `cert`'s binding to `email`: a path to an anchor,
    /// or the user's pin. A pin does not outweigh a revocation or expiry.
    pub fn validate(
        &self,
        cert: &Certificate,
        extra: &[Certificate],
        email: Option<&str>,
    ) -> Trust {
        self.validate_known(cert, &crate::smime::cert::fingerprint(cert), extra, email)
    }

    /// [`TrustData::validate`] for a certificate whose fingerprint (SHA-256
    /// of the DER, upper-case hex) is known, as the keyring's are: it is
    /// not encoded again to compute it.
    pub fn validate_known(
        &self,
        cert: &Certificate,
        fingerprint: &str,
        extra: &[Certificate],
        email: Option<&str>,
    ) -> Trust {
        let t = self.validate_path(cert, fingerprint, extra, email);
        match (t.level, email) {
            (
                verdict::TrustLevel::Full
                | verdict::TrustLevel::Revoked
                | verdict::TrustLevel::Expired,
                _,
            )
            | (_, None) => t,
            (_, Some(email)) => self.pinned(cert, fingerprint, email).unwrap_or(t),
        }
    }

    /// Whether a stored decision already says that the certificate with
    /// this fingerprint is fully valid for `email` (lower-cased) at the
    /// reference time: what [`TrustData::validate_known`] would return
    /// for it, with no certificate at hand. `false` if nothing is stored.
    pub fn cached_full(&self, fingerprint: &str, email: &str) -> bool {
        self.prepare_x509();
        cache::key(fingerprint, &[], Some(email))
            .and_then(|key| self.remembered(&key))
            .is_some_and(|t| t.is_full())
    }

    /// The decision this run holds for `key`: stored by an earlier run or
    /// made in this one.
    fn remembered(&self, key: &str) -> Option<Trust> {
        self.memo.lock().ok()?.get(key).cloned()
    }

    fn pinned(&self, cert: &Certificate, fingerprint: &str, email: &str) -> Option<Trust> {
        if self.pins.is_empty() {
            return None;
        }
        let fingerprint = fingerprint.to_string();
        let key = (fingerprint.clone(), email.to_ascii_lowercase());
        let usable = crate::smime::cert::valid_at(cert, self.at)
            && crate::smime::cert::emails(cert)
                .iter()
                .any(|e| e.eq_ignore_ascii_case(email));
        (usable && self.pins.contains(&key)).then(|| Trust {
            level: verdict::TrustLevel::Full,
            basis: verdict::Basis::Pinned,
            path: vec![fingerprint],
            amount: 120,
            reason: Some("you pinned this certificate for the address".into()),
        })
    }

    fn validate_path(
        &self,
        cert: &Certificate,
        fingerprint: &str,
        extra: &[Certificate],
        email: Option<&str>,
    ) -> Trust {
        let inputs = self.prepare_x509();
        let key = cache::key(fingerprint, extra, email);
        if let Some(t) = key.as_deref().and_then(|k| self.remembered(k)) {
            return t;
        }
        let loaded = self.loaded();
        let t = match (&loaded.validator, &loaded.error) {
            (Some(v), _) => v.validate(cert, extra, email),
            (None, e) => Trust::none(format!(
                "the keyring could not be read: {}",
                e.as_deref().unwrap_or("unknown error")
            )),
        };
        let Some(key) = key else { return t };
        if let Some(row) = inputs.and_then(|i| cache::row(key.clone(), &t, cert, i, self.at)) {
            if let Ok(mut fresh) = self.fresh.lock() {
                fresh.push(row);
            }
        }
        if let Ok(mut m) = self.memo.lock() {
            m.insert(key, t.clone());
        }
        t
    }

    /// The web of trust over every OpenPGP certificate in the keyring, from
    /// the user's roots: own secret keys at full trust and `trust root`
    /// entries at their amounts.
    pub fn web_of_trust(&self) -> Result<&wot::WebOfTrust> {
        self.wot
            .get_or_init(|| self.build_wot().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| crate::error::Error::Keyring(e.clone()))
    }

    fn build_wot(&self) -> Result<wot::WebOfTrust> {
        self.prepare_openpgp();
        let mut roots: Vec<wot::Root> = Vec::new();
        for own in self.keyring.pgp_with_secret()? {
            roots.push(wot::Root::own(own.cert.fingerprint()));
        }
        for (fpr, amount) in self.keyring.pgp_roots()? {
            if let Ok(f) = fpr.parse::<sequoia_openpgp::Fingerprint>() {
                roots.push(wot::Root::chosen(f, amount));
            }
        }
        wot::WebOfTrust::new(self.keyring.pgp_all()?, &roots, self.at)
    }

    /// The validity of an OpenPGP certificate's binding to `email`, as
    /// the `trust` object of a verdict.
    pub fn openpgp_trust(&self, fingerprint: &sequoia_openpgp::Fingerprint, email: &str) -> Trust {
        self.judge_openpgp(fingerprint, None, email)
    }

    /// [`TrustData::openpgp_trust`] for a certificate already at hand.
    pub fn openpgp_cert_trust(&self, cert: &sequoia_openpgp::Cert, email: &str) -> Trust {
        self.judge_openpgp(&cert.fingerprint(), Some(cert), email)
    }

    /// Whether the binding of `fingerprint` to `email` is fully valid
    /// through the user's own keys, pins or full roots, provided the
    /// certificate binds the address at the reference time (which this
    /// does not look at).
    pub fn openpgp_shortcut_applies(
        &self,
        fingerprint: &sequoia_openpgp::Fingerprint,
        email: &str,
    ) -> bool {
        self.shortcuts()
            .is_some_and(|s| s.applies(fingerprint, &email.to_ascii_lowercase()))
    }

    fn shortcuts(&self) -> Option<&shortcut::Shortcuts> {
        self.shortcuts
            .get_or_init(|| shortcut::Shortcuts::load(self.keyring, self.at).ok())
            .as_ref()
    }

    /// Loads the verifications earlier runs stored, before the first
    /// OpenPGP signature is checked. Without them everything still works,
    /// only slower, so a failure is not an error.
    pub fn prepare_openpgp(&self) {
        self.openpgp_ready.get_or_init(|| {
            let _ = self.keyring.restore_verified();
        });
    }

    /// Judged once per signer and address in a run, however many
    /// messages they signed.
    fn judge_openpgp(
        &self,
        fingerprint: &sequoia_openpgp::Fingerprint,
        cert: Option<&sequoia_openpgp::Cert>,
        email: &str,
    ) -> Trust {
        let key = format!(
            "openpgp|{}|{}",
            fingerprint.to_hex(),
            email.to_ascii_lowercase()
        );
        if let Some(t) = self.memo.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return t;
        }
        let t = self.judge_openpgp_uncached(fingerprint, cert, email);
        if let Ok(mut m) = self.memo.lock() {
            m.insert(key, t.clone());
        }
        t
    }

    fn judge_openpgp_uncached(
        &self,
        fingerprint: &sequoia_openpgp::Fingerprint,
        cert: Option<&sequoia_openpgp::Cert>,
        email: &str,
    ) -> Trust {
        self.prepare_openpgp();
        if let Some(t) = self
            .shortcuts()
            .and_then(|s| s.judge(self.keyring, fingerprint, cert, email, self.at))
        {
            return t;
        }
        match self.web_of_trust() {
            Ok(w) => w.authenticate(fingerprint, email).to_trust(),
            Err(e) => Trust::none(format!("the keyring could not be read: {e}")),
        }
    }

    /// SPEC section 4: a signature is judged at its signing time for the
    /// expiry of the key, and a revocation counts unless it is a soft one
    /// dated after the signature. `now` is the judgement at the reference
    /// time. When it failed only for expiry or revocation and the
    /// signature is older, `judge` runs again on the keyring as of
    /// `signed_at`; a full result there counts, and its reason gives both
    /// times. A hard revocation (key compromise) fails at every time, so
    /// it still counts.
    pub fn at_signing_time(
        &self,
        signed_at: Option<Timestamp>,
        now: Trust,
        judge: impl FnOnce(&TrustData<'_>) -> Trust,
    ) -> Trust {
        let retry = matches!(now.level, TrustLevel::Expired | TrustLevel::Revoked);
        let Some(when) = signed_at.filter(|t| retry && *t < self.at) else {
            return now;
        };
        let Ok(then_data) = TrustData::load(self.keyring, when) else {
            return now;
        };
        let mut then = judge(&then_data);
        if !then.is_full() {
            return now;
        }
        then.reason = Some(signing_time_reason(when, &then, &now));
        then
    }

    pub fn keyring(&self) -> &'k Keyring {
        self.keyring
    }

    /// The keyring's certificates as signature verification looks them
    /// up (no secret keys), shared by every message of a run: a mailbox
    /// from a few signers reads and parses each signer's certificate
    /// once, not once per message.
    pub fn verifying_keys(&self) -> &crate::openpgp::KeyringKeys<'k> {
        self.verifying
            .get_or_init(|| crate::openpgp::KeyringKeys::new(self.keyring, None))
    }

    /// The addresses of the certificates whose holder is called `name`
    /// (none if the keyring cannot be read): a batch of mail from a few
    /// senders asks the keyring once per name.
    pub fn addresses_named(&self, name: &str) -> Vec<String> {
        let key = name.trim().to_lowercase();
        if let Some(known) = self.names.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return known;
        }
        let found = self.keyring.addresses_named(&key).unwrap_or_default();
        if let Ok(mut m) = self.names.lock() {
            m.insert(key, found.clone());
        }
        found
    }

    pub fn at(&self) -> Timestamp {
        self.at
    }

    /// Stores this run's new full-trust decisions for later runs, when
    /// there are enough of them to matter (encrypting to many, checking a
    /// mailbox): a single message costs one validation, less than the
    /// write, and stays a read-only use of the keyring. A failure only
    /// costs speed later, so it is not an error.
    ///
    /// Then keeps what the run learned from signed mail, in one write and
    /// only what the keyring lacks; the result says what, or why not (a
    /// keyring that cannot be written keeps nothing, and every verdict
    /// stands).
    pub fn save(&self) -> Saved {
        self.save_decisions();
        let learned = self.learner.take();
        match self.keyring.keep_from_mail(&learned) {
            Ok(from_mail) => Saved {
                from_mail,
                error: None,
            },
            Err(e) => Saved {
                from_mail: Default::default(),
                error: Some(e.to_string()),
            },
        }
    }

    fn save_decisions(&self) {
        let fresh = self
            .fresh
            .lock()
            .map(|mut f| std::mem::take(&mut *f))
            .unwrap_or_default();
        if let Some(inputs) = self.x509_inputs.get().and_then(Option::as_ref) {
            if fresh.len() >= MIN_ROWS_TO_SAVE {
                let _ = self.keyring.store_trust_cache(&inputs.digest, &fresh);
            }
        }
        if sequoia_openpgp::packet::signature::cache::SignatureVerificationCache::insertions()
            >= MIN_ROWS_TO_SAVE
        {
            let _ = self.keyring.save_verified();
        }
    }
}

/// What `encrypt` says of a recipient's certificate that it uses only
/// because of `--trust-any`: which recipient, and why it would not
/// otherwise.
pub fn trust_any_warning(query: &str, why: &str) -> String {
    format!(
        "encrypting to {} with a certificate you asked for with --trust-any: {why}",
        crate::safe::Safe(query)
    )
}

/// Settles the recipient picks a cheaper pass left open (`None`):
/// `judge` gets the queries of the open ones, in order, and returns one
/// pick for each. Both protocols first take what earlier runs kept, then
/// judge the rest from the certificates.
pub(crate) fn settle_open<Q: Clone, P, E>(
    picks: &mut [Option<P>],
    queries: &[Q],
    judge: impl FnOnce(&[Q]) -> std::result::Result<Vec<P>, E>,
) -> std::result::Result<(), E> {
    let (open, wanted): (Vec<usize>, Vec<Q>) = picks
        .iter()
        .zip(queries)
        .enumerate()
        .filter(|(_, (pick, _))| pick.is_none())
        .map(|(i, (_, query))| (i, query.clone()))
        .unzip();
    if open.is_empty() {
        return Ok(());
    }
    for (i, pick) in open.into_iter().zip(judge(&wanted)?) {
        picks[i] = Some(pick);
    }
    Ok(())
}

/// Why a binding that fails now still counts for an older signature.
fn signing_time_reason(when: Timestamp, then: &Trust, now: &Trust) -> String {
    let basis = then.reason.as_deref().unwrap_or("fully valid");
    let since = now.reason.as_deref().unwrap_or("no longer valid");
    format!("judged at the signing time {when} ({basis}); since then: {since}")
}
