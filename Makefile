# Shortcuts over the scripts the README names (make itself comes with build-essential,
# which scripts/setup.sh installs).
.PHONY: setup run test lint fmt bench app-metrics deb deb-check fuzz

setup:
	scripts/setup.sh

run:
	scripts/run.sh

test:
	scripts/test.sh

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

fmt:
	cargo fmt --all

bench:
	cargo run --release --locked -p holdspace-cli -- bench
	npm --prefix ui run -s build
	node scripts/ui-bundle-size.mjs
	$(MAKE) app-metrics

# Holdspace against a bare Tauri app (bench/bare-tauri), both built in release with their .debs
# by the Tauri CLI, run under Xvfb in a D-Bus session of their own.
app-metrics:
	cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb
	cd bench/bare-tauri && ../../ui/node_modules/.bin/tauri build --bundles deb
	cargo build --release --locked -p holdspace-cli
	dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node scripts/app-metrics.mjs

# The Debian package of a debug build (the installer test's; add RELEASE=1 for a release build),
# in target/<profile>/bundle/deb/. `make deb-check` unpacks it and starts the app it holds.
deb:
	cd src-tauri && ../ui/node_modules/.bin/tauri build $(if $(RELEASE),,--debug) --bundles deb

deb-check:
	dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" scripts/deb-check.sh

# Ten minutes of fuzzing each parser on the stable toolchain (no sanitizer), outside CI. New
# inputs that reach new code land in fuzz/corpus/<target>, which the tests replay.
FUZZ_TARGETS = vcard backup_header meeting_guide ical
fuzz:
	cargo install cargo-fuzz --locked
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  cargo fuzz run $$target -s none --release -- -max_total_time=$${FUZZ_SECONDS:-600} || exit 1; \
	done
