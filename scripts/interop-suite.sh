#!/usr/bin/env bash
# Runs the OpenPGP interoperability test suite (the Stateless OpenPGP test
# suite of the Sequoia project, the one behind tests.sequoia-pgp.org;
# GPL-3.0, built and run as a separate program, never linked into
# mailseal) against `mailseal sop` and sqop (Debian's, and the newer one in
# target/peers/bin when present), and prints how many expectations each
# meets and every expectation a sqop meets that mailseal does not.
# Too slow for every CI run; not part of `cargo test`.
#
#   scripts/interop-suite.sh [SUITE_SOURCE] [SUITE_ARGS]...
#
# The suite is not published on crates.io (nor PyPI, npm or Debian), so
# its source must be given once: SUITE_SOURCE is a checkout, a bare git
# directory or a .tar.gz of it. It is copied to target/interop-suite/src
# and built there with cargo (dependencies from crates.io; needs
# nettle-dev, libclang-dev and pkg-config, installed with apt-get when
# missing). Later runs reuse the copy and the build. SUITE_ARGS go to the
# suite, e.g. --retain-tests REGEX.
#
# Time on 2 cores: the first build of the suite about 16 minutes, a run
# about 3 minutes. Results: target/interop-suite/results.json and
# results.html; the summary also in target/interop-suite/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/target/interop-suite"
src="$work/src"
mkdir -p "$work"

copy_source() {
  local from=$1 tmp="$work/src.new"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if [ -f "$from/Cargo.toml" ]; then
    cp -a "$from/." "$tmp/"
  elif [ -f "$from" ] && [[ "$from" == *.tar.gz || "$from" == *.tgz ]]; then
    tar -xzf "$from" -C "$tmp" --strip-components=1
  elif git --git-dir="$from" rev-parse --verify -q HEAD >/dev/null 2>&1; then
    git --git-dir="$from" archive HEAD | tar -x -C "$tmp"
  fi
  if ! grep -qs 'name = "openpgp-interoperability-test-suite"' "$tmp/Cargo.toml"; then
    rm -rf "$tmp"
    echo "interop-suite: $from is not a checkout, git directory or .tar.gz of openpgp-interoperability-test-suite" >&2
    exit 2
  fi
  rm -rf "$src"
  mv "$tmp" "$src"
}

if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  copy_source "$1"
  shift
fi
if [ ! -f "$src/Cargo.toml" ]; then
  cat >&2 <<'EOF'
interop-suite: the suite's source is needed once, and no package registry
carries it (it is not on crates.io). Get a checkout of
openpgp-interoperability-test-suite (Sequoia project) and run:
    scripts/interop-suite.sh PATH_TO_CHECKOUT
Without it only the drivers can be checked; doing that now.
EOF
  echo "mailseal: $(cargo run --quiet --locked --bin mailseal -- sop version)"
  for s in /usr/bin/sqop "$root/target/peers/bin/sqop"; do
    [ -x "$s" ] && echo "$s: $("$s" version)"
  done
  exit 4
fi

missing=()
for pkg in nettle-dev libclang-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing build dependencies of the suite: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
scripts/install-peers.sh

start=$(date +%s)
echo "building the suite and mailseal ..." >&2
(cd "$src" && CARGO_TARGET_DIR="$work/target" cargo build --release --locked --quiet)
# The dev profile builds every dependency (the crypto) with opt-level 3;
# the release profile's whole-program LTO would only lengthen the build.
cargo build --locked --quiet --bin mailseal
suite="$work/target/release/openpgp-interoperability-test-suite"

# The suite runs one executable per implementation.
cat >"$work/mailseal-sop" <<EOF
#!/bin/sh
exec "$root/target/debug/mailseal" sop "\$@"
EOF
chmod +x "$work/mailseal-sop"

drivers=("$work/mailseal-sop")
[ -x /usr/bin/sqop ] && drivers+=(/usr/bin/sqop)
[ -x "$root/target/peers/bin/sqop" ] && drivers+=("$root/target/peers/bin/sqop")
{
  echo '{ "drivers": ['
  sep=""
  for d in "${drivers[@]}"; do
    printf '%s    { "path": "%s" }' "$sep" "$d"
    sep=$',\n'
  done
  printf '\n  ],\n  "rlimits": { "DATA": 4294967296 }\n}\n'
} >"$work/config.json"

built=$(date +%s)
echo "running the suite ..." >&2
(cd "$src" && "$suite" --config "$work/config.json" \
  --json-out "$work/results.json" --html-out "$work/results.html" "$@")
done_at=$(date +%s)

python3 "$root/scripts/interop-summary.py" "$work/results.json" | tee "$work/summary.txt"
echo "build $((built - start)) s, run $((done_at - built)) s" | tee -a "$work/summary.txt"
