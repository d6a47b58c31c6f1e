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
  rm -f "$who"/*-wal "$who"/*-shm
done

mkdir -p messages
a=(--keyring alice --passphrase-file alice.passphrase --at "$at" -q)
draft() {
  printf 'From: Alice Example <alice@example.org>\r\nTo: Bob Example <bob@example.org>\r\nSubject: %s\r\nDate: Tue, 24 Nov 2026 12:00:00 +0000\r\nMessage-ID: <%s@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s\r\n' "$1" "$2" "$3"
}
draft "Lunch on Friday" example-signed "Hi Bob, lunch on Friday at noon? Grüße, Alice" | "$ms" "${a[@]}" sign -o messages/alice-signed.eml
draft "Lunch on Friday" example-opaque "Hi Bob, lunch on Friday at noon? Grüße, Alice" | "$ms" "${a[@]}" sign --opaque -o messages/alice-signed-opaque.eml
draft "The plan" example-encrypted "Bob, the meeting moves to room 4.12. -- Alice" | "$ms" "${a[@]}" encrypt --sign -o messages/alice-to-bob.eml
printf 'From: Alice Example <alice@example.org>\r\nTo: Bob Example <bob@example.org>\r\nSubject: =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=\r\nDate: Tue, 24 Nov 2026 12:00:00 +0000\r\nMessage-ID: <example-jis@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n\033$BF|K\\8l\033(B\r\n' \
  | "$ms" "${a[@]}" encrypt --sign -o messages/alice-to-bob-japanese.eml
sed 's/lunch on Friday at noon/lunch on Monday at noon/' messages/alice-signed.eml > messages/alice-tampered.eml
# carol signs with her own key a message that claims to be from alice.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'carol-example\n' > "$tmp/pass"
c=(--keyring "$tmp/carol" --passphrase-file "$tmp/pass" --at "$at" -q)
"$ms" "${c[@]}" keyring import pki/carol.p12
draft "Change of bank account" example-spoof "Please pay my invoices to the new account. Alice" \
  | "$ms" "${c[@]}" sign --signer carol@example.org -o messages/carol-claims-alice.eml
