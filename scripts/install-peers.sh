#!/usr/bin/env bash
# Installs the interoperability peers the test suite drives when missing:
# openssl, gpgsm, gpg, sqop, neomutt, mutt, tmux, GNU parallel and NSS's certutil/pk12util/cmsutil
# (libnss3-tools) from Debian (apt-get; needs root or sudo), sqlite3 (the
# keyring must read as sound to the distribution's tool), python3's pip
# (scripts/fetch-pkits.sh downloads the NIST PKITS data from PyPI),
# and a newer sqop that speaks RFC 9580 (v6 keys), built with cargo into
# target/peers/bin: Debian's sqop runs on Sequoia 1.x, which predates it.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in openssl:openssl gpgsm:gpgsm gpg:gnupg sqop:sqop sqlite3:sqlite3 cmsutil:libnss3-tools neomutt:neomutt mutt:mutt tmux:tmux parallel:parallel; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing interop peers: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# sequoia-sop is GPL-licensed: it is only built and run as a test peer,
# never linked into mailseal.
if [ ! -x target/peers/bin/sqop ]; then
  echo "building sqop 0.38 (RFC 9580) into target/peers ..." >&2
  cargo install --quiet --locked --root target/peers sequoia-sop --version 0.38.0 \
    --no-default-features \
    --features "cli crypto-rust sequoia-openpgp/allow-experimental-crypto sequoia-openpgp/allow-variable-time-crypto"
fi
