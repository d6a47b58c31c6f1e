#!/usr/bin/env bash
# The whole test suite: unit tests, the CLI tests, and the interop tests
# against openssl, gpgsm, gpg and sqop (installed first when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-peers.sh
cargo test --locked "$@"
