//! One digest policy for the data signatures of both protocols (SPEC
//! section 4, "Digests"): Sequoia's standard policy. A digest algorithm
//! that the policy no longer takes as collision resistant (SHA-1, MD5,
//! RIPEMD-160) never makes a message trusted, whatever signing time the
//! signature claims: a collision lets anyone who can get one document
//! signed present the signature over another, and the claimed time is
//! the forger's to choose.

use sequoia_openpgp::policy::{HashAlgoSecurity, StandardPolicy};
use sequoia_openpgp::types::HashAlgorithm;

use super::verdict::{SigStatus, Signature};

/// Why a data signature made with `algo` cannot be trusted, or `None`
/// when the policy accepts the algorithm for data signatures.
pub fn weakness(algo: HashAlgorithm) -> Option<String> {
    let policy = StandardPolicy::new();
    let broken = policy
        .hash_cutoff(algo, HashAlgoSecurity::CollisionResistance)
        .is_some();
    let known = matches!(
        algo,
        HashAlgorithm::SHA1
            | HashAlgorithm::MD5
            | HashAlgorithm::RipeMD
            | HashAlgorithm::SHA224
            | HashAlgorithm::SHA256
            | HashAlgorithm::SHA384
            | HashAlgorithm::SHA512
            | HashAlgorithm::SHA3_256
            | HashAlgorithm::SHA3_512
    );
    (broken || !known).then(|| reason(&name(algo)))
}

/// Records the digest a signature was made with and, when the policy
/// never trusts it, marks the signature weak and puts the reason first
/// (a bad signature stays bad for its own reason).
pub fn judge(sig: &mut Signature, algo: Option<HashAlgorithm>) {
    sig.digest = algo.map(name);
    let Some(why) = algo.and_then(weakness) else {
        return;
    };
    sig.weak_digest = true;
    if sig.status != SigStatus::Bad {
        sig.reason = Some(match sig.reason.take() {
            Some(r) => format!("{why}; {r}"),
            None => why,
        });
    }
}

/// The reason every report gives for a weak digest.
pub fn reason(name: &str) -> String {
    format!(
        "weak digest: signed with {name}, which is no longer collision resistant; \
         such a signature is never trusted"
    )
}

/// The usual name of a hash algorithm (`SHA-1`, `SHA-256`, ...).
pub fn name(algo: HashAlgorithm) -> String {
    match algo {
        HashAlgorithm::SHA1 => "SHA-1".into(),
        HashAlgorithm::MD5 => "MD5".into(),
        HashAlgorithm::RipeMD => "RIPEMD-160".into(),
        HashAlgorithm::SHA224 => "SHA-224".into(),
        HashAlgorithm::SHA256 => "SHA-256".into(),
        HashAlgorithm::SHA384 => "SHA-384".into(),
        HashAlgorithm::SHA512 => "SHA-512".into(),
        HashAlgorithm::SHA3_256 => "SHA3-256".into(),
        HashAlgorithm::SHA3_512 => "SHA3-512".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_md5_and_ripemd_are_weak_sha2_is_not() {
        for weak in [
            HashAlgorithm::SHA1,
            HashAlgorithm::MD5,
            HashAlgorithm::RipeMD,
        ] {
            let why = weakness(weak).unwrap_or_default();
            assert!(why.starts_with("weak digest"), "{weak:?}: {why}");
            assert!(why.contains(&name(weak)), "{why}");
        }
        for strong in [
            HashAlgorithm::SHA224,
            HashAlgorithm::SHA256,
            HashAlgorithm::SHA384,
            HashAlgorithm::SHA512,
            HashAlgorithm::SHA3_256,
            HashAlgorithm::SHA3_512,
        ] {
            assert_eq!(weakness(strong), None, "{strong:?}");
        }
        assert!(weakness(HashAlgorithm::Unknown(99)).is_some());
    }
}
