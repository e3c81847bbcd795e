# One entry point for chores; each target wraps a script in scripts/.
.PHONY: setup run test lint bench deb fuzz

export CARGO_TARGET_DIR ?= /var/tmp/kompis-target

## setup: install system packages, tauri-driver and the UI's npm packages
setup:
	bash scripts/setup.sh

## run: build and start the app on the default catalogue
run:
	bash scripts/run.sh

## test: every check and test, as CI runs them
test:
	bash scripts/test.sh

## lint: formatting, clippy and svelte-check only
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

## bench: the matcher and store benchmarks
bench:
	cargo bench --workspace

## bench-window: the real-window benchmark on 20k offers, release app (builds it; ~10 min the first time)
.PHONY: bench-window
bench-window:
	cd ui && npm run build
	cargo build --release -p kompis-app
	cargo run --release -p kompis-e2e --example window_bench -- --release-app $(CARGO_TARGET_DIR)/release/kompis-app

## deb: the Debian package, with the `kompis` command line in it (installs tauri-cli 2 on first use; ~10 min)
deb: package-cli
	cd src-tauri && cargo tauri build --bundles deb

## appimage: the AppImage; needs GitHub (Tauri downloads linuxdeploy and the AppImage runtime), so built in CI, not here (docs/packaging.md)
.PHONY: appimage package-cli deb-test
appimage: package-cli
	cd src-tauri && cargo tauri build --bundles appimage

# What deb and appimage share: tauri-cli, the UI, and the release `kompis`
# staged where tauri.conf.json's bundle.linux files look for it.
package-cli:
	command -v cargo-tauri >/dev/null || cargo install tauri-cli --version "^2" --locked
	cd ui && npm run build
	cargo build --release -p kompis-cli
	install -D -m 755 $(CARGO_TARGET_DIR)/release/kompis target/package/kompis

## deb-test: build the .deb, install it in a clean Debian 12 (debootstrap), photograph it there; root, not part of CI (~15 min cold)
deb-test:
	bash scripts/deb-install-test.sh

## folds: the fold protocol for learning from decisions on the labelled sets (release CLI)
.PHONY: folds
folds:
	cargo build --release -p kompis-cli
	python3 scripts/folds.py

## calibrate: the matcher's threshold on the labelled sets in ../shared/eval (release CLI)
.PHONY: calibrate
calibrate:
	cargo build --release -p kompis-cli
	python3 scripts/calibrate.py

## match-speed: kompis match (release CLI) against the tantivy baseline on 20,000 offers × 2,000 needs, 5 runs each (issue 11)
.PHONY: match-speed
match-speed:
	bash scripts/match-speed.sh

## fuzz: cargo-fuzz (libFuzzer) on the readers, 60 s a target (FUZZ_SECONDS=…); not part of CI
fuzz:
	bash scripts/fuzz.sh
