#!/usr/bin/env bash
# Fuzzes the readers of hostile input with cargo-fuzz (libFuzzer): bundle
# JSON, CSV and spreadsheet intake, the thesaurus and the matcher's text
# analysis, each for a bounded time. Not part of CI (`make fuzz`).
#
#   FUZZ_SECONDS=60   seconds per target (default 60)
#   FUZZ_TARGETS="…"  which targets (default: all of fuzz/Cargo.toml)
#   FUZZ_SANITIZER=none|address  (default none: the code is safe Rust, and
#                     without ASan a run does about twice the executions)
#
# Needs a nightly toolchain (installed with rustup if missing) and
# cargo-fuzz (installed with cargo if missing), both into their own target
# folder, so the shared build folder is not thrashed. The working corpus
# grows in $FUZZ_WORK (this machine's, kept between runs) and is merged
# down (libFuzzer's -merge) after each run; fuzz/corpus/TARGET keeps the
# hand-made seeds and the FUZZ_KEEP (64) smallest merged inputs, small
# enough to commit. Every crash, leak,
# timeout or out-of-memory input is copied to fuzz/regressions/TARGET/,
# where crates/kompis-core/tests/fuzz_regressions.rs replays it with the
# workspace's tests.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$KOMPIS_ROOT/fuzz"

export CARGO_TARGET_DIR="${KOMPIS_FUZZ_TARGET:-/var/tmp/kompis-fuzz-target}"
work="${FUZZ_WORK:-/var/tmp/kompis-fuzz-work}"
seconds="${FUZZ_SECONDS:-60}"
sanitizer="${FUZZ_SANITIZER:-none}"
keep="${FUZZ_KEEP:-64}"
targets="${FUZZ_TARGETS:-$(sed -n 's/^name = "\([a-z_]*\)"$/\1/p' Cargo.toml | grep -v kompis)}"

step "toolchain and cargo-fuzz"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --target-dir "$CARGO_TARGET_DIR/install"

step "build (nightly, sanitizer $sanitizer)"
for t in $targets; do
  cargo +nightly fuzz build -s "$sanitizer" "$t"
done

summary=()
for t in $targets; do
  step "fuzz $t for ${seconds}s"
  mkdir -p "$work/$t" "corpus/$t" "artifacts/$t" "regressions/$t"
  # Earlier findings are kept already; count only this run's.
  find "artifacts/$t" -type f -exec cp {} "regressions/$t/" \; -delete
  max_len=4096
  [ "$t" = xlsx_intake ] && max_len=65536
  log="$work/$t.log"
  # A finding stops libFuzzer with a non-zero status; it is reported below.
  cargo +nightly fuzz run -s "$sanitizer" "$t" "$work/$t" "corpus/$t" -- \
    -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 \
    -timeout=10 -print_final_stats=1 >"$log" 2>&1 || true
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  # The inputs that add coverage, merged from both, stay on this machine;
  # the kept corpus is the seeds and the $keep smallest of them.
  merged="$(mktemp -d -p "$work")"
  cargo +nightly fuzz run -s "$sanitizer" "$t" "$merged" "$work/$t" "corpus/$t" -- \
    -merge=1 -max_len="$max_len" >>"$log" 2>&1 || true
  if [ -n "$(ls -A "$merged")" ]; then
    rm -rf "${work:?}/$t" && mv "$merged" "$work/$t"
    find "corpus/$t" -regextype posix-extended -regex '.*/[0-9a-f]{40}' -delete
    ls -Sr "$work/$t" >"$work/$t.sizes"
    head -n "$keep" "$work/$t.sizes" | while read -r f; do cp "$work/$t/$f" "corpus/$t/"; done
  else
    rm -rf "$merged"
  fi
  found=0
  for f in artifacts/"$t"/*; do
    [ -e "$f" ] || continue
    cp "$f" "regressions/$t/"
    found=$((found + 1))
  done
  rmdir "regressions/$t" 2>/dev/null || true
  summary+=("$t: ${execs:-?} executions, $(ls "corpus/$t" | wc -l) corpus files, $found findings")
done

step "summary"
printf '%s\n' "${summary[@]}"
if ls regressions/*/* >/dev/null 2>&1; then
  echo "Findings are in fuzz/regressions/; cargo test -p kompis-core --test fuzz_regressions replays them."
fi
