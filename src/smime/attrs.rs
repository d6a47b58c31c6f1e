//! Signed attributes of a SignerInfo (RFC 5652 sections 5.3 and 11, RFC
//! 8551 section 2.5): built when signing, checked when verifying.
//!
//! ```text
//! SignedAttributes ::= SET SIZE (1..MAX) OF Attribute
//! Attribute ::= SEQUENCE {
//!     attrType OBJECT IDENTIFIER,
//!     attrValues SET OF AttributeValue }
//! ```

use const_oid::db::rfc5911;
use der::asn1::{GeneralizedTime, ObjectIdentifier, OctetString, SetOfVec, UtcTime};
use der::Any;
use x509_cert::attr::{Attribute, Attributes};
use x509_cert::time::Time;

use super::algorithms::describe;
use super::capabilities::{Capabilities, Reader};
use crate::error::Result;
use crate::time::Timestamp;

/// The signed attributes we write: content-type, message-digest,
/// signing-time and smimeCapabilities. `SetOfVec` sorts them into DER
/// order, which is also the order the signature covers.
pub fn build(
    econtent_type: ObjectIdentifier,
    message_digest: &[u8],
    signing_time: Timestamp,
    reader: Reader,
) -> Result<Attributes> {
    let attrs = vec![
        single(rfc5911::ID_CONTENT_TYPE, Any::encode_from(&econtent_type)?)?,
        single(
            rfc5911::ID_MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(message_digest)?)?,
        )?,
        single(
            rfc5911::ID_SIGNING_TIME,
            Any::encode_from(&time_value(signing_time)?)?,
        )?,
        single(
            super::capabilities::OID,
            Any::encode_from(&Capabilities::signed_for(reader)?.0)?,
        )?,
    ];
    Ok(SetOfVec::try_from(attrs)?)
}

fn single(oid: ObjectIdentifier, value: Any) -> Result<Attribute> {
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![value])?,
    })
}

/// UTCTime through 2049, GeneralizedTime from 2050 (RFC 5652 section 11.3).
fn time_value(t: Timestamp) -> Result<Time> {
    let dt = t.to_der()?;
    Ok(if dt.year() < 2050 {
        Time::UtcTime(UtcTime::from_date_time(dt)?)
    } else {
        Time::GeneralTime(GeneralizedTime::from_date_time(dt))
    })
}

/// Checks the attributes RFC 5652 section 5.3 requires whenever signed
/// attributes are present: exactly one content-type, equal to
/// eContentType, and exactly one message-digest, equal to the digest of
/// the content. The error is the reason for a `Bad` status.
pub fn check(
    attrs: &Attributes,
    econtent_type: ObjectIdentifier,
    content_digest: &[u8],
) -> std::result::Result<(), String> {
    let content_type = only_value(attrs, rfc5911::ID_CONTENT_TYPE, "content-type")?
        .decode_as::<ObjectIdentifier>()
        .map_err(|e| format!("malformed content-type attribute: {e}"))?;
    if content_type != econtent_type {
        return Err(format!(
            "the signed content-type {} differs from the content's type {}",
            describe(content_type),
            describe(econtent_type)
        ));
    }
    let digest = only_value(attrs, rfc5911::ID_MESSAGE_DIGEST, "message-digest")?
        .decode_as::<OctetString>()
        .map_err(|e| format!("malformed message-digest attribute: {e}"))?;
    if digest.as_bytes() != content_digest {
        return Err("message digest mismatch: the content was changed".into());
    }
    Ok(())
}

/// The value of an attribute that must occur once with one value.
fn only_value<'a>(
    attrs: &'a Attributes,
    oid: ObjectIdentifier,
    name: &str,
) -> std::result::Result<&'a Any, String> {
    let mut found = attrs.iter().filter(|a| a.oid == oid);
    let attr = found
        .next()
        .ok_or_else(|| format!("the signed attributes lack {name}"))?;
    if found.next().is_some() {
        return Err(format!("{name} appears more than once"));
    }
    let mut values = attr.values.iter();
    match (values.next(), values.next()) {
        (Some(v), None) => Ok(v),
        _ => Err(format!("{name} must have exactly one value")),
    }
}

/// The signing-time attribute (RFC 5652 section 11.3), if present once
/// with one readable value.
pub fn signing_time(attrs: &Attributes) -> Option<Timestamp> {
    let value = only_value(attrs, rfc5911::ID_SIGNING_TIME, "signing-time").ok()?;
    let time = value.decode_as::<Time>().ok()?;
    Some(Timestamp::from_der(time.to_date_time()))
}

/// Whether the signed attributes carry a signing-time at all, so that a
/// present but unreadable one can be noted.
pub fn has_signing_time(attrs: &Attributes) -> bool {
    attrs.iter().any(|a| a.oid == rfc5911::ID_SIGNING_TIME)
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::{Decode, Encode};

    const DIGEST: [u8; 32] = [7; 32];

    fn attrs_at(when: &str) -> Attributes {
        let t = Timestamp::parse_rfc3339(when).unwrap();
        build(rfc5911::ID_DATA, &DIGEST, t, Reader::Mailseal).unwrap()
    }

    /// The DER of the signing-time attribute's value.
    fn time_der(attrs: &Attributes) -> Vec<u8> {
        let attr = attrs
            .iter()
            .find(|a| a.oid == rfc5911::ID_SIGNING_TIME)
            .unwrap();
        attr.values.iter().next().unwrap().to_der().unwrap()
    }

    #[test]
    fn built_attributes_pass_the_checks_and_round_trip() {
        let attrs = attrs_at("2026-11-24T13:05:09Z");
        assert_eq!(attrs.len(), 4);
        assert_eq!(check(&attrs, rfc5911::ID_DATA, &DIGEST), Ok(()));
        let again = Attributes::from_der(&attrs.to_der().unwrap()).unwrap();
        assert_eq!(
            signing_time(&again).map(|t| t.to_string()).as_deref(),
            Some("2026-11-24T13:05:09Z")
        );
    }

    #[test]
    fn signing_time_is_utctime_before_2050_and_generalized_after() {
        // UTCTime 491231235959Z
        assert_eq!(
            time_der(&attrs_at("2049-12-31T23:59:59Z")),
            b"\x17\x0d491231235959Z"
        );
        // GeneralizedTime 20500101000000Z
        assert_eq!(
            time_der(&attrs_at("2050-01-01T00:00:00Z")),
            b"\x18\x0f20500101000000Z"
        );
        let late = attrs_at("2050-01-01T00:00:00Z");
        assert_eq!(
            signing_time(&late).unwrap().to_string(),
            "2050-01-01T00:00:00Z"
        );
    }

    #[test]
    fn fail_wrong_digest_or_content_type() {
        let attrs = attrs_at("2026-11-24T13:05:09Z");
        assert_eq!(
            check(&attrs, rfc5911::ID_DATA, &[8; 32]),
            Err("message digest mismatch: the content was changed".into())
        );
        let err = check(&attrs, rfc5911::ID_SIGNED_DATA, &DIGEST).unwrap_err();
        assert!(err.contains("differs"), "{err}");
    }

    #[test]
    fn fail_missing_repeated_or_multi_valued_attributes() {
        let attrs = attrs_at("2026-11-24T13:05:09Z");
        let digest_attr = attrs
            .iter()
            .find(|a| a.oid == rfc5911::ID_MESSAGE_DIGEST)
            .unwrap()
            .clone();
        let without: Vec<Attribute> = attrs
            .iter()
            .filter(|a| a.oid != rfc5911::ID_MESSAGE_DIGEST)
            .cloned()
            .collect();
        let missing = Attributes::try_from(without.clone()).unwrap();
        assert!(check(&missing, rfc5911::ID_DATA, &DIGEST)
            .unwrap_err()
            .contains("lack"));

        // Two message-digest attributes, one of them with the right value.
        let mut other = digest_attr.clone();
        other.values = SetOfVec::try_from(vec![Any::encode_from(
            &OctetString::new([9u8; 32]).unwrap(),
        )
        .unwrap()])
        .unwrap();
        let twice = Attributes::try_from(
            [without.clone(), vec![digest_attr.clone(), other.clone()]].concat(),
        )
        .unwrap();
        assert!(check(&twice, rfc5911::ID_DATA, &DIGEST)
            .unwrap_err()
            .contains("more than once"));

        // One attribute with two values.
        let mut two_values = digest_attr.clone();
        two_values
            .values
            .insert(other.values.iter().next().unwrap().clone())
            .unwrap();
        let multi = Attributes::try_from([without, vec![two_values]].concat()).unwrap();
        assert!(check(&multi, rfc5911::ID_DATA, &DIGEST)
            .unwrap_err()
            .contains("exactly one value"));
    }
}
