#!/usr/bin/env bash
# Issue 11's race, in one run on this machine: `kompis match --json --top 10`
# (release CLI) on a synthetic catalogue of 20,000 offers and 2,000 needs
# against the tantivy baseline (crates/kompis-match/examples/tantivy_baseline.rs)
# building its index over the same offers and ranking the same needs.
# Each runs RUNS times (default 5), alternating, under /usr/bin/time -v:
# the median wall time and the largest peak RSS are printed, and the ratios.
#
#   bash scripts/match-speed.sh          (or: make match-speed)
#   RUNS=9 MATCH_OUT=/tmp/out.json bash scripts/match-speed.sh
#
# MATCH_OUT keeps one run's JSON, to diff the rankings before and after a
# change. KEEP_DIR=DIR keeps the catalogue there (made once, reused).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KOMPIS_ROOT"

RUNS="${RUNS:-5}"
OFFERS=20000
NEEDS=2000
SEED=7

if [ ! -x /usr/bin/time ]; then
  step "installing GNU time"
  apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

step "building (release): kompis, the synthetic bundle writer, the tantivy baseline"
cargo build --release -p kompis-cli
cargo build --release -p kompis-core --example synthetic_bundle
cargo build --release -p kompis-match --example tantivy_baseline
KOMPIS="$CARGO_TARGET_DIR/release/kompis"
TANTIVY="$CARGO_TARGET_DIR/release/examples/tantivy_baseline"

if [ -n "${KEEP_DIR:-}" ]; then
  WORK="$KEEP_DIR"
  mkdir -p "$WORK"
else
  WORK="$(mktemp -d /var/tmp/kompis-match-speed.XXXXXX)"
  trap 'rm -rf "$WORK"' EXIT
fi
DB="$WORK/db"
if [ ! -d "$DB" ]; then
  step "catalogue: $OFFERS offers, $NEEDS needs (seed $SEED) into $DB"
  "$CARGO_TARGET_DIR/release/examples/synthetic_bundle" "$WORK/bundle.json" "$OFFERS" "$NEEDS" "$SEED"
  "$KOMPIS" --db "$DB" import "$WORK/bundle.json"
fi
if [ -n "${MATCH_OUT:-}" ]; then
  "$KOMPIS" --db "$DB" match --json --top 10 >"$MATCH_OUT"
  echo "kompis match output kept in $MATCH_OUT ($(wc -c <"$MATCH_OUT") bytes)"
fi

# One run under /usr/bin/time -v; appends "seconds kib" to the file $1.
measure() {
  local out="$1"
  shift
  local log
  log="$(mktemp)"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { k = $2 }
    END { printf "%.3f %d\n", s, k }' "$log" >>"$out"
  rm -f "$log"
}

step "measuring, $RUNS runs each, alternating"
K="$WORK/kompis.times"
T="$WORK/tantivy.times"
: >"$K"
: >"$T"
for i in $(seq "$RUNS"); do
  measure "$K" "$KOMPIS" --db "$DB" match --json --top 10
  measure "$T" "$TANTIVY" "$SEED"
  printf '  run %d: kompis %s   tantivy %s\n' "$i" "$(tail -1 "$K")" "$(tail -1 "$T")"
done

# "median_seconds max_rss_mib" of a times file.
summary() {
  sort -n "$1" | awk '{ s[NR] = $1; if ($2 > m) m = $2 }
    END { med = (NR % 2) ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2; printf "%.3f %.1f\n", med, m / 1024 }'
}
read -r kt km <<<"$(summary "$K")"
read -r tt tm <<<"$(summary "$T")"
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-46s %9s %12s\n' "" "median s" "max RSS MiB"
printf '%-46s %9s %12s\n' "kompis match --json --top 10 (whole command)" "$kt" "$km"
printf '%-46s %9s %12s\n' "tantivy 0.27 baseline (build + rank, whole)" "$tt" "$tm"
awk -v kt="$kt" -v tt="$tt" -v km="$km" -v tm="$tm" 'BEGIN {
  printf "kompis / tantivy: time %.2fx (target <= 0.5x), RSS %.2fx; kompis RSS target <= 100 MB (%.1f MB)\n",
    kt / tt, km / tm, km * 1.048576 }'
