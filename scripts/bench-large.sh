#!/usr/bin/env bash
# Large messages: wall time, MB/s and peak memory (RSS) of sign, verify,
# encrypt and decrypt in both protocols, beside `openssl cms` and `gpg` on
# the same input in the same run. Not a test: it prints figures.
#
#   scripts/bench-large.sh            # 100 MB and 1 GB messages
#   scripts/bench-large.sh 100        # 100 MB only
#
# Uses the example keyrings (copied) and their PKI; needs openssl, gpg and
# GNU time (/usr/bin/time). The target (SPEC section 8): 100 MB at
# >= 500 MB/s with peak RSS <= 64 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ "${#sizes[@]}" -gt 0 ] || sizes=(100 1024)

# MAILSEAL_BIN: a mailseal binary already built (default: build release).
if [ -n "${MAILSEAL_BIN:-}" ]; then
    ms=$MAILSEAL_BIN
else
    cargo build --release --locked --quiet
    ms=$PWD/target/release/mailseal
fi
ex=$PWD/keyring-examples
work=$(mktemp -d "${TMPDIR:-/tmp}/mailseal-bench.XXXXXX")
trap 'gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
cp -r "$ex/alice" "$ex/bob" "$work/"
at=2026-12-01T00:00:00Z
alice=(--keyring "$work/alice" --passphrase-file "$ex/alice.passphrase" --at "$at")
bob=(--keyring "$work/bob" --passphrase-file "$ex/bob.passphrase" --at "$at")

# openssl: PEM key and certificate of alice and bob, and the CA.
for who in alice bob; do
    openssl pkcs12 -in "$ex/pki/$who.p12" -passin "pass:$who-example" -nodes \
        -out "$work/$who.pem" 2>/dev/null
done
ca=$ex/pki/ca.pem

# gpg: alice's and bob's OpenPGP keys, from the keyrings.
export GNUPGHOME=$work/gnupg
mkdir -m 700 "$GNUPGHOME"
gpgq=(gpg --batch --quiet --pinentry-mode loopback --trust-model always)
for who in alice bob; do
    "$ms" --keyring "$work/$who" --passphrase-file "$ex/$who.passphrase" \
        keyring export --secret "$who@example.org" -o "$work/$who.asc" 2>/dev/null
    "${gpgq[@]}" --passphrase "$who-example" --import "$work/$who.asc" 2>/dev/null
done

# One measurement: NAME MB COMMAND... (stdout discarded).
measure() {
    local name=$1 mb=$2
    shift 2
    if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
        # verify exits 3 for "not trusted" where a peer's trust differs;
        # any other failure is reported.
        printf '%-34s failed: %s\n' "$name" "$(head -c 200 "$work/err" | tr '\n' ' ')"
        return
    fi
    local secs kb
    read -r secs kb < <(tail -n 1 "$work/time")
    awk -v n="$name" -v s="$secs" -v kb="$kb" -v mb="$mb" 'BEGIN {
        rate = (s > 0) ? mb / s : 0
        printf "%-34s %8.2f s %9.1f MB/s %8.1f MB peak RSS\n", n, s, rate, kb / 1024 }'
}

for mb in "${sizes[@]}"; do
    msg=$work/big.eml
    {
        printf 'From: Alice Example <alice@example.org>\r\nTo: Bob Example <bob@example.org>\r\n'
        printf 'Subject: large\r\nDate: Tue, 01 Dec 2026 00:00:00 +0000\r\nMIME-Version: 1.0\r\n'
        printf 'Content-Type: text/plain; charset=us-ascii\r\n\r\n'
        head -c $((mb * 1024 * 1024 * 3 / 4)) /dev/urandom | base64 -w 76 | sed 's/$/\r/'
    } >"$msg"
    real_mb=$(($(stat -c %s "$msg") / 1024 / 1024))
    echo "== ${real_mb} MB message"

    measure "mailseal sign --smime" "$real_mb" "$ms" "${alice[@]}" sign --smime -o "$work/s.eml" "$msg"
    measure "openssl cms -sign" "$real_mb" openssl cms -sign -binary -stream -in "$msg" \
        -signer "$work/alice.pem" -out "$work/s.p7m"
    measure "mailseal verify (S/MIME)" "$real_mb" "$ms" "${bob[@]}" verify "$work/s.eml"
    measure "openssl cms -verify" "$real_mb" openssl cms -verify -binary -CAfile "$ca" \
        -in "$work/s.p7m" -out /dev/null
    measure "mailseal encrypt --smime" "$real_mb" "$ms" "${alice[@]}" encrypt --smime \
        -r bob@example.org -o "$work/e.eml" "$msg"
    measure "openssl cms -encrypt (aes-256-gcm)" "$real_mb" openssl cms -encrypt -binary -stream \
        -aes-256-gcm -in "$msg" -out "$work/e.p7m" "$work/bob.pem"
    measure "mailseal decrypt (S/MIME)" "$real_mb" "$ms" "${bob[@]}" decrypt -o "$work/d.eml" "$work/e.eml"
    measure "openssl cms -decrypt" "$real_mb" openssl cms -decrypt -binary -in "$work/e.p7m" \
        -inkey "$work/bob.pem" -recip "$work/bob.pem" -out "$work/d.txt"

    measure "mailseal sign --openpgp" "$real_mb" "$ms" "${alice[@]}" sign --openpgp -o "$work/ps.eml" "$msg"
    measure "gpg --sign" "$real_mb" "${gpgq[@]}" --passphrase alice-example -u alice@example.org \
        --yes -o "$work/ps.gpg" --sign "$msg"
    measure "mailseal verify (OpenPGP)" "$real_mb" "$ms" "${bob[@]}" verify "$work/ps.eml"
    measure "gpg --verify" "$real_mb" "${gpgq[@]}" --verify "$work/ps.gpg"
    measure "mailseal encrypt --openpgp" "$real_mb" "$ms" "${alice[@]}" encrypt --openpgp \
        -r bob@example.org -o "$work/pe.eml" "$msg"
    measure "gpg --encrypt" "$real_mb" "${gpgq[@]}" -r bob@example.org --yes -o "$work/pe.gpg" \
        --encrypt "$msg"
    measure "mailseal decrypt (OpenPGP)" "$real_mb" "$ms" "${bob[@]}" decrypt -o "$work/pd.eml" "$work/pe.eml"
    measure "gpg --decrypt" "$real_mb" "${gpgq[@]}" --passphrase bob-example --yes \
        -o "$work/pd.txt" --decrypt "$work/pe.gpg"
    rm -f "$work"/*.eml "$work"/*.p7m "$work"/*.gpg "$work"/*.txt
done
