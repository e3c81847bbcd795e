# Shared settings for the scripts in this folder; sourced, not run.
# shellcheck shell=bash

# One build folder for every checkout on this machine, so repeated runs stay
# warm. Override it by exporting CARGO_TARGET_DIR before running a script.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/kompis-target}"
export PATH="$HOME/.cargo/bin:$PATH"

KOMPIS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export KOMPIS_ROOT

# Prints a step heading, so a long log shows where it is.
step() {
  printf '\n==> %s\n' "$*"
}
