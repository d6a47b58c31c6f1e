#!/usr/bin/env bash
# Builds the example keyrings alice/ and bob/ from pki/ and makes the
# example messages with mailseal itself.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
cargo build --release --locked --quiet
ms="$PWD/target/release/mailseal"
cd "$here"
at=2026-11-24T12:00:00Z
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for who in alice bob; do
  rm -rf "$who"
  printf '%s-example\n' "$who" > "$who.passphrase"
  k=(--keyring "$who" --passphrase-file "$who.passphrase" --at "$at" -q)
  "$ms" "${k[@]}" keyring import "pki/$who.p12"
  for other in alice bob carol; do
    [ "$other" = "$who" ] || "$ms" "${k[@]}" keyring import "pki/$other.pem"
  done
  "$ms" "${k[@]}" keyring import pki/ca-crl.pem
  "$ms" "${k[@]}" trust anchor add pki/ca.pem
  # An OpenPGP key too (Ed25519 + X25519, v4, no expiry).
  name="$(printf '%s' "${who:0:1}" | tr a-z A-Z)${who:1} Example"
  "$ms" "${k[@]}" keyring generate --openpgp --email "$who@example.org" --name "$name" --days 0 > "$tmp/$who.fpr"
  "$ms" "${k[@]}" keyring export "$who@example.org" > "$tmp/$who-pgp.asc"
done
# carol's OpenPGP key, made in a scratch keyring: known to alice and bob,
# but vouched for by nobody.
printf 'carol-example\n' > "$tmp/pass"
c=(--keyring "$tmp/carol" --passphrase-file "$tmp/pass" --at "$at" -q)
"$ms" "${c[@]}" keyring import pki/carol.p12
"$ms" "${c[@]}" keyring generate --openpgp --email carol@example.org --name "Carol Example" --days 0 >/dev/null
"$ms" "${c[@]}" keyring export carol@example.org > "$tmp/carol-pgp.asc"
# Each of alice and bob has the other's and carol's OpenPGP certificate,
# and pins the other's (a local certification: "checked in person").
for who in alice bob; do
  other=$([ "$who" = alice ] && echo bob || echo alice)
  k=(--keyring "$who" --passphrase-file "$who.passphrase" --at "$at" -q)
  "$ms" "${k[@]}" keyring import "$tmp/$other-pgp.asc" "$tmp/carol-pgp.asc"
  "$ms" "${k[@]}" trust pin "$(cat "$tmp/$other.fpr")" --email "$other@example.org"
done
for who in alice bob; do rm -f "$who"/*-wal "$who"/*-shm; done

mkdir -p messages
a=(--keyring alice --passphrase-file alice.passphrase --at "$at" -q)
draft() {
  printf 'From: Alice Example <alice@example.org>\r\nTo: Bob Example <bob@example.org>\r\nSubject: %s\r\nDate: Tue, 24 Nov 2026 12:00:00 +0000\r\nMessage-ID: <%s@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s\r\n' "$1" "$2" "$3"
}
draft "Lunch on Friday" example-signed "Hi Bob, lunch on Friday at noon? Grüße, Alice" | "$ms" "${a[@]}" sign --smime -o messages/alice-signed.eml
draft "Lunch on Friday" example-opaque "Hi Bob, lunch on Friday at noon? Grüße, Alice" | "$ms" "${a[@]}" sign --smime --opaque -o messages/alice-signed-opaque.eml
draft "The plan" example-encrypted "Bob, the meeting moves to room 4.12. -- Alice" | "$ms" "${a[@]}" encrypt --smime --sign -o messages/alice-to-bob.eml
printf 'From: Alice Example <alice@example.org>\r\nTo: Bob Example <bob@example.org>\r\nSubject: =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=\r\nDate: Tue, 24 Nov 2026 12:00:00 +0000\r\nMessage-ID: <example-jis@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n\033$BF|K\\8l\033(B\r\n' \
  | "$ms" "${a[@]}" encrypt --smime --sign -o messages/alice-to-bob-japanese.eml
sed 's/lunch on Friday at noon/lunch on Monday at noon/' messages/alice-signed.eml > messages/alice-tampered.eml
# carol signs with her own key a message that claims to be from alice.
draft "Change of bank account" example-spoof "Please pay my invoices to the new account. Alice" \
  | "$ms" "${c[@]}" sign --smime --signer carol@example.org -o messages/carol-claims-alice.eml

# The same in OpenPGP (PGP/MIME).
draft "Lunch on Friday" example-pgp-signed "Hi Bob, lunch on Friday at noon? Grüße, Alice" \
  | "$ms" "${a[@]}" sign --openpgp -o messages/alice-signed-pgp.eml
draft "The plan" example-pgp-encrypted "Bob, the meeting moves to room 4.12. -- Alice" \
  | "$ms" "${a[@]}" encrypt --openpgp --sign -o messages/alice-to-bob-pgp.eml
draft "Change of bank account" example-pgp-spoof "Please pay my invoices to the new account. Alice" \
  | "$ms" "${c[@]}" sign --openpgp --signer carol@example.org -o messages/carol-claims-alice-pgp.eml
