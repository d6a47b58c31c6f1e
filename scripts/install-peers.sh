#!/usr/bin/env bash
# Installs the interoperability peers the test suite drives (openssl, gpgsm,
# gpg, sqop) when any is missing. Needs root or sudo for apt-get.
set -euo pipefail
missing=()
for tool in openssl:openssl gpgsm:gpgsm gpg:gnupg sqop:sqop; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing interop peers: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
