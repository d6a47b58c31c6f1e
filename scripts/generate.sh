#!/usr/bin/env bash
# Regenerates the man pages (man/) and shell completions (completions/)
# from the command-line definitions. With --check, fails if the committed
# files differ from what the current code generates.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run --locked --quiet -- generate man --dir "$out/man"
cargo run --locked --quiet -- generate completions --dir "$out/completions"
if [ "${1:-}" = "--check" ]; then
  if ! diff -r man "$out/man" >/dev/null || ! diff -r completions "$out/completions" >/dev/null; then
    echo "man pages or completions are stale: run scripts/generate.sh and commit" >&2
    diff -r man "$out/man" | head -20 >&2 || true
    exit 1
  fi
  exit 0
fi
rm -rf man completions
cp -r "$out/man" man
cp -r "$out/completions" completions
