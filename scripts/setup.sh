#!/usr/bin/env bash
# Installs what Kompis needs to build, run and test on Debian 12, as root.
# Idempotent: a second run installs nothing and takes a few seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"

# Tauri and WebKitGTK to build the app; Xvfb, xauth, WebKitWebDriver and
# xdotool (to answer the native file dialogs) for the real-window tests;
# poppler and LibreOffice for the match-sheet tests;
# gio and the MIME database (a saved sheet is opened with the desktop's
# application, as on a desktop with xdg-open); D-Bus, AT-SPI and the Python
# GObject bindings to read the window's accessibility tree (a screen
# reader's view); DejaVu so screenshots have a font.
APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  xvfb xauth webkit2gtk-driver xdotool libglib2.0-bin shared-mime-info
  dbus at-spi2-core python3-gi gir1.2-atspi-2.0
  poppler-utils libreoffice-calc-nogui fonts-dejavu-core
  git ca-certificates
)
command -v node >/dev/null && command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "setup: cargo is missing; install Rust (rustup) first." >&2
  exit 1
fi

if ! command -v tauri-driver >/dev/null; then
  step "cargo install tauri-driver --locked"
  cargo install tauri-driver --locked
fi

cd "$KOMPIS_ROOT/ui"
# npm ci wipes node_modules; skip it while the tree was installed from this lock.
stamp=node_modules/.kompis-lock.sha256
if ! [ -f "$stamp" ] || [ "$(sha256sum package-lock.json)" != "$(cat "$stamp")" ]; then
  step "npm ci (ui)"
  npm ci --no-audit --no-fund
  sha256sum package-lock.json >"$stamp"
fi
