#!/bin/sh
# The UI in a plain browser on the real core: starts `kompis serve` on a
# catalogue, reads the one JSON line it prints ({"url":…,"token":…}), and runs
# Vite with KOMPIS_SERVE_URL / KOMPIS_SERVE_TOKEN so its `/rpc` proxy reaches it.
#
#   npm run preview:core                    # a fresh temp catalogue, dev server on :1420
#   npm run preview:core -- --db DIR        # that catalogue
#   npm run preview:core -- --built         # `vite preview` of dist/ (with the window's CSP) on :4173
#
# The binary: $KOMPIS_BIN, else $CARGO_TARGET_DIR/debug/kompis (default /var/tmp/kompis-target).
set -eu
cd "$(dirname "$0")/.."

bin=${KOMPIS_BIN:-${CARGO_TARGET_DIR:-/var/tmp/kompis-target}/debug/kompis}
db=""
mode=dev
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --built) mode=preview; shift ;;
    *) echo "preview.sh: unknown argument $1 (use --db DIR, --built)" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "preview.sh: no kompis binary at $bin (cargo build -p kompis-cli)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kompis-preview.XXXXXX")
if [ -z "$db" ]; then
  db=$work/catalogue
  echo "preview.sh: a fresh catalogue in $db" >&2
fi

"$bin" serve --db "$db" >"$work/serve.out" &
serve=$!
trap 'kill $serve 2>/dev/null; rm -rf "$work"' EXIT INT TERM

# Wait for the line (the catalogue opens first).
i=0
until [ -s "$work/serve.out" ] && grep -q '}' "$work/serve.out"; do
  kill -0 $serve 2>/dev/null || { echo "preview.sh: kompis serve stopped" >&2; exit 1; }
  i=$((i + 1))
  [ $i -lt 300 ] || { echo "preview.sh: kompis serve printed nothing within 30 s" >&2; exit 1; }
  sleep 0.1
done

eval "$(node -e '
  const line = require("fs").readFileSync(process.argv[1], "utf8").split("\n")[0];
  const { url, token } = JSON.parse(line);
  const q = (s) => "\x27" + String(s).replace(/\x27/g, "\x27\\\x27\x27") + "\x27";
  console.log(`KOMPIS_SERVE_URL=${q(url)}; KOMPIS_SERVE_TOKEN=${q(token)}`);
' "$work/serve.out")"
export KOMPIS_SERVE_URL KOMPIS_SERVE_TOKEN
echo "preview.sh: kompis serve at $KOMPIS_SERVE_URL" >&2

if [ "$mode" = preview ]; then
  npx vite preview
else
  npx vite
fi
