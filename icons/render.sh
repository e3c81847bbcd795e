#!/usr/bin/env bash
# Renders icon.svg to every size Tauri wants. Needs rsvg-convert (librsvg2-bin),
# ImageMagick's convert and png2icns (icnsutils). The rendered files are
# committed, so building Kompis does not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "$tmp/$size.png"
done
cp "$tmp/32.png" 32x32.png
cp "$tmp/128.png" 128x128.png
cp "$tmp/256.png" 128x128@2x.png
cp "$tmp/512.png" icon.png
convert "$tmp"/{16,24,32,48,64,256}.png icon.ico
png2icns icon.icns "$tmp"/{16,32,48,128,256,512}.png >/dev/null
