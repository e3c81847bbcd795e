#!/usr/bin/env bash
# Runs every check and test of Kompis, as CI does (`.ci/run`): set-up, the UI
# checks, build and tests, formatting, clippy, the Rust tests (the real-window
# test among them, under Xvfb), and the generated-bindings drift check.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$KOMPIS_ROOT"
log="$(mktemp -t kompis-test.XXXXXX)"
trap 'rm -f "$log"' EXIT
started=$SECONDS

bash scripts/setup.sh

step "ui: svelte-check, unit tests, build"
(
  cd ui
  npm run check
  # vitest exits 1 when there is no test file; the UI has some once it has any.
  if find src -name '*.test.ts' | grep -q .; then
    npm test 2>&1 | tee -a "$log"
  fi
  npm run build
)

step "cargo fmt --check"
cargo fmt --all --check

# --locked once Cargo.lock is committed, so CI builds what was tested.
locked=()
git ls-files --error-unmatch Cargo.lock >/dev/null 2>&1 && locked=(--locked)

step "cargo clippy"
cargo clippy --workspace --all-targets "${locked[@]}" -- -D warnings

step "build the app and the tests"
# Building the tests also builds the kompis-app binary that the real-window
# test launches (src-tauri has integration tests, so cargo builds its bin).
cargo test --workspace "${locked[@]}" --no-run
export KOMPIS_APP_BIN="$CARGO_TARGET_DIR/debug/kompis-app"
[ -x "$KOMPIS_APP_BIN" ] || { echo "test: $KOMPIS_APP_BIN was not built" >&2; exit 1; }

step "cargo test --workspace"
# The real-window test starts its own Xvfb when DISPLAY is unset.
cargo test --workspace "${locked[@]}" 2>&1 | tee -a "$log"

step "generated IPC bindings are committed (ui/src/lib/bindings)"
# The tests above regenerated them (ts-rs' export_bindings tests).
if ! git diff --exit-code -- ui/src/lib/bindings || [ -n "$(git status --porcelain -- ui/src/lib/bindings)" ]; then
  echo "test: ui/src/lib/bindings differs from the Rust types; commit the regenerated files" >&2
  exit 1
fi

# One closing line over every runner: cargo test's binaries and vitest.
passed=$(grep -oE '^test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
failed=$(grep -oE '^test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$log" | awk '{s+=$6} END {print s+0}')
ui_passed=$(grep -oE 'Tests +[0-9]+ passed' "$log" | awk '{s+=$2} END {print s+0}')
echo
echo "took $((SECONDS - started)) s"
echo "$((passed + ui_passed)) passed, $failed failed"
