#!/usr/bin/env bash
# Runs every fuzz target for a bounded time on its seeds and fails on the
# first crash, hang or out-of-memory. Usage:
#
#   scripts/fuzz.sh               # every target, 20 s each (what CI runs)
#   scripts/fuzz.sh 600           # every target, 10 minutes each
#   scripts/fuzz.sh 600 mime      # one target
#
# The corpus grows in target/fuzz-corpus/TARGET (kept between runs, not
# committed); a crashing input is written to fuzz/artifacts/TARGET/ and its
# path printed. Needs cargo-fuzz, installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
shift || true

fuzz_version=0.13.2
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz $fuzz_version" >&2
    cargo install --quiet --locked --version "$fuzz_version" cargo-fuzz
fi

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz)
fi

# Without sanitizers the targets build on stable Rust; the library is
# built once, each target links against it.
build=(--fuzz-dir fuzz --sanitizer none --target-dir target/fuzz --release)

summary=()
for t in "${targets[@]}"; do
    corpus=target/fuzz-corpus/$t
    mkdir -p "$corpus"
    seeds=()
    [ -d "fuzz/seeds/$t" ] && seeds+=("fuzz/seeds/$t")
    case $t in
    mime) seeds+=(keyring-examples/messages) ;;
    message_verify | openpgp_message | openpgp_armor)
        seeds+=(fuzz/seeds/mime keyring-examples/messages) ;;
    keyring_import) seeds+=(fuzz/seeds/certificate) ;;
    esac
    log=target/fuzz-corpus/$t.log
    echo "== fuzz $t (${seconds}s)"
    if ! cargo fuzz run "${build[@]}" "$t" "$corpus" "${seeds[@]}" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$log" 2>&1; then
        tail -n 40 "$log"
        echo "fuzz target $t failed; the input is in fuzz/artifacts/$t/" >&2
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    summary+=("$t: ${runs:-?} runs in ${seconds}s")
done

printf '%s\n' "${summary[@]}"
