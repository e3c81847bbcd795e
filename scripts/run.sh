#!/usr/bin/env bash
# Sets up the machine, builds the UI and the app, and starts Kompis on the
# default catalogue (~/.local/share/kompis/); extra arguments go to the app,
# e.g. `bash scripts/run.sh --db /tmp/try-kompis`.
set -euo pipefail
source "$(dirname "$0")/env.sh"

bash "$KOMPIS_ROOT/scripts/setup.sh"

step "build the UI"
(cd "$KOMPIS_ROOT/ui" && npm run build)

step "build and start the app"
cd "$KOMPIS_ROOT"
exec cargo run --release -p kompis-app -- "$@"
