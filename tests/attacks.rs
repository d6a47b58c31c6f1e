//! A regression corpus of the published signature-spoofing and
//! exfiltration attacks on e-mail encryption, for S/MIME and OpenPGP:
//! Müller et al., "Johnny, you are fired!" (USENIX Security 2019: CMS,
//! MIME wrapping and ID attacks), Poddebniak et al., "Efail" (USENIX
//! Security 2018: direct exfiltration, CBC/CFB gadgets), and the
//! integrity downgrades around them. Every input is made at test time by
//! a real peer (`openssl cms`, `gpg`) or by mailseal, then changed by
//! byte, MIME or packet surgery; every case asserts the exit code and the
//! JSON verdict (SPEC.md sections 2, 4 and 7), and for `decrypt` that a
//! refusal leaves no output file and nothing on stdout.
//!
//! | class (file) | cases | expected verdict | inputs |
//! |---|---|---|---|
//! | 1 CMS eContent confusion (`cms.rs`) | 11 | content-type/message-digest attribute confusion: `bad`, exit 1; eContentType not id-data or signed-data in signed-data: status `error`, exit 3; an untrusted signature around a trusted signed message: only the outer signer, exit 3; eContent inside a detached signature: malformed, exit 2 | `mailseal sign --opaque` re-encoded with `cms` and re-signed with `openssl dgst -sign`; `openssl cms -sign -nodetach -econtent_type` |
//! | 2 several or no signers (`signers.rs`) | 13 | one bad signature: `bad`, exit 1; one untrusted, unknown, certificate-less or issuer-less signature: exit 3; no SignerInfo / certs-only: `bad`, exit 1; no signature packet: never 0 | `openssl cms -sign` with two `-signer`s (byte surgery on a signature value), `-nocerts`; SignerInfos removed with `cms`; `openssl crl2pkcs7`; `gpg --detach-sign -u A -u B`; packets joined with Sequoia; an issuer-less signature built with Sequoia |
//! | 3 MIME wrapping (`wrapping.rs`) | 17 | signed part below an unsigned root (mixed, alternative, attachment, deeper, inline block in text): `covers: part`, exit 3, the human report names the part; as message/rfc822: unsigned, exit 4; multipart/signed around a signed entity with a signature over other content: `bad`, exit 1; re-signed by mallory: her signature only, exit 3; a third part: exit 2 | `mailseal sign` (S/MIME and OpenPGP), `gpg --clearsign`, MIME surgery |
//! | 4 ID spoofing (`identity.rs`) | 33 | `from` is the real addr-spec (none when there are several); `sender_match` and a trusted verdict only for an address the signer has, and only when the display name names no other address (a `display-name` warning); exit 3 otherwise | `mailseal sign` (both protocols), the unsigned From field rewritten; an OpenPGP user ID whose name is an address |
//! | 5 EFAIL direct exfiltration (`exfiltration.rs`) | 12 | an encrypted part or inline block inside attacker content is not decrypted: exit 4, no output; an attacker's re-encrypted wrapper decrypts without opening the captured part | `mailseal encrypt`, `openssl cms -encrypt -aes256` / `-aes-256-gcm`, MIME surgery |
//! | 6 CBC/CFB malleability (`malleability.rs`) | 19 | CBC: refused without `--legacy-cbc` (exit 1), marked `integrity_protected: false` with it; CBC signed by an untrusted key: refused the same way (only a trusted signature authenticates CBC); signed-then-CBC changed: refused, `bad` and nothing written even with `--legacy-cbc`; GCM, SEIPD v1 (MDC), SED, SEIPD v2 (AEAD) changed or truncated: exit 1, no output | `openssl cms -encrypt -aes256`, `mailseal encrypt [--sign] [--cipher aes256-cbc]`, `gpg --encrypt [--rfc2440]`, `mailseal encrypt` to an RFC 9580 key; byte surgery, packets re-framed with Sequoia |
//! | 7 layers (`layers.rs`) | 27 | a signature around a signed message: both reported with their layer, the inner one the author's (`role`), the outer `also-signed`; bad inside: exit 1; untrusted inside or outside: exit 3; encrypt-then-sign: `verify` reports the outer signature and `encrypted` with a hint, `decrypt` opens it and judges every layer (a bad one inside: exit 1, nothing written; CBC with only an outer signature: refused); an encrypted message: verdict `encrypted`, exit 4; multipart/encrypted holding a signed message: signed, not "encrypted" | `openssl cms -sign` (detached, `-nodetach`) around `mailseal sign`, `openssl cms -sign` and `gpg --detach-sign`, `openssl cms -encrypt` (GCM, CBC), `mailseal sign --openpgp` around `mailseal encrypt --openpgp --sign`, `gpg --sign`, MIME surgery |
//! | 8 weak digests (`digests.rs`) | 9 | SHA-1 and MD5 data signatures: exit 3, `weak_digest`, reason "weak digest ..." whatever the signer's validity; a changed text under SHA-1: `bad` | `openssl cms -sign -md sha1 / md5` (detached, opaque), `gpg --digest-algo SHA1` (PGP/MIME, cleartext), SHA-256 controls |
//! | 9 what a person reads (`sender.rs`) | 12 | From display name naming another address: `display-name` warning, exit 3; another person's name in the keyring, Sender or Reply-To not the signer: named (`known-name`, `sender`, `reply-to`), verdict unchanged | `mailseal sign` (S/MIME, OpenPGP), outer fields rewritten |
//! | 10 replayed signatures (`sender.rs`) | 12 | Date more than an hour from the author's signing time, either way: `date` warning, exit 3; within the hour: trusted | `mailseal sign`, `gpg --detach-sign`, Date rewritten |
//!
//! Found and fixed while writing this corpus: an inline PGP message with
//! text around it was decrypted in place, splicing the plaintext into the
//! attacker's text (now refused, exit 4); the human report of an OpenPGP
//! signature on a nested part did not say which part; a CBC message whose
//! changed ciphertext garbled the MIME structure was exit 2 instead of the
//! unauthenticated refusal (exit 1); two From addresses run together by
//! folding were reported as one `from` address (now none); any good
//! signature, even an attacker's own, authenticated CBC content (now only
//! a trusted one does); `decrypt --legacy-cbc` wrote a message whose
//! signature inside was bad (now nothing is written on exit 1); a
//! signature around a signed message hid the inner one, bad or not, and
//! `decrypt` called a signed encrypted message "nothing to decrypt" (now
//! every layer is peeled and judged); SHA-1 S/MIME signatures were
//! trusted; a From display name naming another address and a replayed
//! signature under a fresh Date passed silently.

mod common;

#[path = "attacks/cms.rs"]
mod cms;
#[path = "attacks/digests.rs"]
mod digests;
#[path = "attacks/exfiltration.rs"]
mod exfiltration;
#[path = "attacks/identity.rs"]
mod identity;
#[path = "attacks/layers.rs"]
mod layers;
#[path = "attacks/malleability.rs"]
mod malleability;
#[path = "attacks/sender.rs"]
mod sender;
#[path = "attacks/signers.rs"]
mod signers;
#[path = "attacks/support.rs"]
mod support;
#[path = "attacks/wrapping.rs"]
mod wrapping;
