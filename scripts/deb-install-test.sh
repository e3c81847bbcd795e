#!/usr/bin/env bash
# Installs Kompis' .deb on a clean Debian 12 and photographs it there.
#
#   bash scripts/deb-install-test.sh [--no-build]     (make deb-test)
#
# 1. builds the release .deb (`make deb`; --no-build takes the newest one
#    already in $CARGO_TARGET_DIR/release/bundle/deb/),
# 2. makes a minimal Debian 12 with debootstrap once (kept in $WORK/base and
#    reused) and copies it afresh for every run ($WORK/root),
# 3. installs the .deb there with apt, as a coordinator would
#    (`apt install ./Kompis_….deb`: its Depends come from Debian), then the
#    test's own tools (Xvfb, xdotool, ImageMagick),
# 4. checks the desktop entry, the file association and the command line,
# 5. as a new user, on their (empty) default catalogue, starts kompis-app
#    under Xvfb, clicks the welcome dialog's "Last inn eksempelnettverket"
#    (xdotool, a real pointer event on the window), photographs
#    the window (docs/img/installed-debian12.png), and counts the loaded
#    network with the installed `kompis`,
# 6. opens an exported `.kompis.json` the way the file association does
#    (`kompis-app FILE`) on another empty catalogue and photographs the
#    import review it lands on (docs/img/installed-debian12-open.png).
#
# Root only (debootstrap, chroot, mounts); needs debootstrap on the host and
# deb.debian.org. Mounts are undone on exit; the installed copy is removed
# when every step passed (kept to look into when one failed). With the base
# and the packages cached, a run takes 4–5 minutes after the build. Not part of .ci/run: it takes a
# release build and a few hundred MB of packages.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KOMPIS_ROOT"

BUILD=1
[[ "${1:-}" == "--no-build" ]] && BUILD=0

WORK="${KOMPIS_DEB_TEST_DIR:-/var/tmp/kompis-debian12}"
BASE="$WORK/base"         # debootstrap's bookworm, made once, never changed
ROOT="$WORK/root"         # a fresh copy of it for each run
CACHE="$WORK/apt-archives" # the packages apt fetched, kept between runs
MIRROR="http://deb.debian.org/debian"
IMG="$KOMPIS_ROOT/docs/img"
USER_NAME=koordinator

started=$(date +%s)
elapsed() { echo "$(($(date +%s) - started)) s"; }

[[ $EUID -eq 0 ]] || { echo "deb-install-test: run as root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || {
  step "Installing debootstrap"
  apt-get install -y debootstrap
}

if [[ $BUILD -eq 1 ]]; then
  step "Building the release .deb (make deb)"
  make -C "$KOMPIS_ROOT" deb
fi
# shellcheck disable=SC2012 # our own file names
DEB=$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb 2>/dev/null | head -n 1 || true)
[[ -n "$DEB" ]] || { echo "deb-install-test: no .deb in $CARGO_TARGET_DIR/release/bundle/deb (run make deb)" >&2; exit 1; }
echo "package: $DEB ($(du -h "$DEB" | cut -f1), $(stat -c %s "$DEB") bytes)"
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Description:/p'

mkdir -p "$WORK" "$CACHE/partial"
if [[ ! -f "$BASE/.kompis-base-complete" ]]; then
  step "Making a minimal Debian 12 with debootstrap (once; kept in $BASE)"
  rm -rf "$BASE.partial"
  debootstrap --variant=minbase bookworm "$BASE.partial" "$MIRROR"
  mv "$BASE.partial" "$BASE"
  touch "$BASE/.kompis-base-complete"
fi

# Everything mounted under $ROOT, undone in reverse on exit, and every
# process still running in it (only ours: the copy is new) ended by its id.
MOUNTED=()
PASSED=0
cleanup() {
  local pid
  for pid in /proc/[0-9]*; do
    if [[ "$(readlink "$pid/root" 2>/dev/null)" == "$ROOT" ]]; then
      kill "${pid#/proc/}" 2>/dev/null || true
    fi
  done
  sleep 1
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}" || true
  done
  # The installed copy (1.5 GB) is kept only when something failed, to look into.
  if [[ $PASSED -eq 1 ]] && ! grep -q " $ROOT/" /proc/mounts; then
    rm -rf "$ROOT"
  fi
}
trap cleanup EXIT
mnt() { # mnt TARGET ARGS... : mount and remember
  local target=$1
  shift
  mkdir -p "$target"
  mount "$@" "$target"
  MOUNTED+=("$target")
}

step "A fresh copy of the clean system ($ROOT)"
if [[ -d "$ROOT" ]]; then
  if grep -q " $ROOT/" /proc/mounts; then
    echo "deb-install-test: something is still mounted under $ROOT" >&2
    exit 1
  fi
  rm -rf "$ROOT"
fi
cp -a "$BASE" "$ROOT"
mnt "$ROOT/proc" -t proc proc
mnt "$ROOT/sys" -t sysfs sysfs
mnt "$ROOT/dev" --bind /dev
mnt "$ROOT/dev/shm" -t tmpfs -o mode=1777 tmpfs
mnt "$ROOT/dev/pts" -t devpts -o newinstance,ptmxmode=0666 devpts
mnt "$ROOT/var/cache/apt/archives" --bind "$CACHE"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
cat >"$ROOT/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
cp "$DEB" "$ROOT/tmp/"
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

step "apt install ./$(basename "$DEB") in the clean Debian 12"
in_root apt-get update -q
install_started=$(date +%s)
in_root apt-get install -y -q "/tmp/$(basename "$DEB")"
echo "installed with its dependencies in $(($(date +%s) - install_started)) s"
in_root dpkg -s kompis | sed -n '/^Package/p;/^Version/p;/^Installed-Size/p;/^Depends/p'

step "What the package put on the system"
in_root dpkg -L kompis | while read -r f; do [[ -f "$ROOT$f" ]] && echo "$f"; done
desktop="$ROOT/usr/share/applications/Kompis.desktop"
cat "$desktop"
grep -qx 'Exec=kompis-app %F' "$desktop"
grep -qx 'MimeType=application/x-kompis-bundle;' "$desktop"
grep -q 'application/x-kompis-bundle:\*\.kompis\.json' "$ROOT/usr/share/mime/globs2"
grep -q '^application/x-kompis-bundle=Kompis.desktop' "$ROOT/usr/share/applications/mimeinfo.cache"
echo "file association: *.kompis.json → application/x-kompis-bundle → Kompis.desktop"
in_root kompis --version
ls "$ROOT"/usr/share/icons/hicolor/*/apps/kompis-app.png

step "The test's tools (not the package's): Xvfb, xdotool, ImageMagick"
in_root apt-get install -y -q --no-install-recommends xvfb xauth xdotool imagemagick
in_root useradd --create-home --shell /bin/bash "$USER_NAME"

# One session as the new user: Xvfb, the app, a photograph, the app closed.
cat >"$ROOT/tmp/session.sh" <<'EOF'
#!/bin/bash
# session.sh NAME [ARGS...]: starts kompis-app ARGS on :99, waits for its
# window, photographs /tmp/NAME-before.png; with CLICK=COLOUR clicks the
# middle of what is drawn in that colour (a modal dims everything but
# itself, so the dialog's primary button is the only thing in the app's
# green), waits, and photographs /tmp/NAME.png.
set -euo pipefail
name=$1
shift
export DISPLAY=:99 NO_AT_BRIDGE=1
Xvfb :99 -screen 0 1200x800x24 -nolisten tcp >"/tmp/xvfb-$name.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [[ -S /tmp/.X11-unix/X99 ]] && break; sleep 0.2; done
start=$(date +%s%N)
kompis-app "$@" >"/tmp/app-$name.log" 2>&1 &
app=$!
window=
for _ in $(seq 120); do
  window=$(xdotool search --onlyvisible --name 'Kompis' 2>/dev/null | head -n 1 || true)
  [[ -n "$window" ]] && break
  sleep 0.5
done
[[ -n "$window" ]] || { echo "no Kompis window after 60 s"; cat "/tmp/app-$name.log"; exit 1; }
echo "window $window after $((($(date +%s%N) - start) / 1000000)) ms"
sleep "${SETTLE:-6}"  # the page loads and draws its first screen
import -window root "/tmp/$name-before.png"
if [[ -n "${CLICK:-}" ]]; then
  box=$(convert "/tmp/$name-before.png" -fuzz 4% -fill black +opaque "$CLICK" \
    -fill white -opaque "$CLICK" -format '%@' info:)
  IFS='x+' read -r w h x y <<<"$box"
  (( w > 20 && h > 10 )) || { echo "nothing drawn in $CLICK to click ($box)"; exit 1; }
  echo "clicking the button at $box"
  xdotool windowfocus --sync "$window"
  xdotool mousemove --sync $((x + w / 2)) $((y + h / 2)) click 1 mousemove 1190 790
  sleep "${AFTER:-5}"
fi
import -window root "/tmp/$name.png"
echo "window title: $(xdotool getwindowname "$window")"
kill "$app"
wait "$app" 2>/dev/null || true
kill "$xvfb"
wait "$xvfb" 2>/dev/null || true
echo "app log:"
sed 's/^/  /' "/tmp/app-$name.log"
EOF
chmod 755 "$ROOT/tmp/session.sh"
run_user() { # run_user VAR=VALUE... -- COMMAND...: as the new user, in their home
  local env=()
  while [[ $1 != -- ]]; do env+=("$1"); shift; done
  shift
  chroot "$ROOT" /usr/sbin/runuser -u "$USER_NAME" -- /usr/bin/env -i PATH=/usr/bin:/bin \
    HOME="/home/$USER_NAME" USER="$USER_NAME" LANG=C.UTF-8 "${env[@]}" \
    /bin/bash -c "cd ~ && $*"
}

step "Kompis on the new user's empty catalogue: the example network loaded from the window"
# The welcome dialog's "Last inn eksempelnettverket" (docs/img/installed-debian12-welcome.png),
# found by its colour (ui/src/app.css's --primary); `kompis list` below checks what it did.
run_user CLICK='#1F5A4A' AFTER=3 -- /tmp/session.sh installed
# shellcheck disable=SC2016 # expanded in the user's shell, not here
run_user -- 'echo "catalogue: $(ls -d ~/.local/share/kompis)"; echo "backups: $(ls ~/.local/share/backups 2>/dev/null | tr "\n" " ")"'
needs=$(run_user -- 'kompis list needs --json' | grep -o '"id"' | wc -l || true)
orgs=$(run_user -- 'kompis list organisations --json' | grep -o '"id"' | wc -l || true)
echo "after the click: $needs needs, $orgs organisations (kompis list)"
[[ $needs -gt 0 ]] || { echo "deb-install-test: the example network was not loaded" >&2; exit 1; }
mkdir -p "$IMG"
cp "$ROOT/tmp/installed-before.png" "$IMG/installed-debian12-welcome.png"
cp "$ROOT/tmp/installed.png" "$IMG/installed-debian12.png"

step "A .kompis.json opened as the file association does (kompis-app FILE), on another empty catalogue"
run_user -- 'mkdir -p ~/Dokumenter && kompis export --out ~/Dokumenter/nettverket.kompis.json'
run_user KOMPIS_DB="/home/$USER_NAME/ny-katalog" -- /tmp/session.sh open "/home/$USER_NAME/Dokumenter/nettverket.kompis.json"
cp "$ROOT/tmp/open.png" "$IMG/installed-debian12-open.png"

PASSED=1
step "Done in $(elapsed)"
ls -l "$IMG"/installed-debian12*.png
echo "package: $(basename "$DEB"), $(du -h "$DEB" | cut -f1)"
