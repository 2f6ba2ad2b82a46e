#!/usr/bin/env bash
# Sets up and runs every test layer, printing how long each took. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# A one-off run gains nothing from incremental caches, and they double the disk a build takes.
export CARGO_INCREMENTAL=0

timings=()
layer() {
  local name=$1; shift
  echo "==> $name"
  local start=$SECONDS
  "$@"
  timings+=("$(printf '%-44s %4ds' "$name" $((SECONDS - start)))")
}

layer "setup (packages, toolchain, npm, tauri-driver)" scripts/setup.sh
# The UI first: the app's custom-protocol build embeds ui/dist.
layer "UI build (desktop and mock)" bash -c 'npm --prefix ui run -s build && npm --prefix ui run -s build -- --mode mock'
layer "UI type-check (svelte-check)" npm --prefix ui run -s check
layer "UI lint (eslint, UI text)" bash -c 'npm --prefix ui run -s lint && npm --prefix ui run -s lint:text'
layer "Rust format check (cargo fmt)" cargo fmt --all --check
layer "Rust lint (clippy -D warnings)" cargo clippy --workspace --all-targets --locked -- -D warnings
layer "UI unit and component tests (Vitest)" npm --prefix ui run -s test
# Every Rust test runs inside its own D-Bus session with a throw-away, unlocked gnome-keyring,
# so the keyring tests use the real Secret Service and never anyone's login keyring.
layer "Rust tests (core, CLI, shell; real keyring)" \
  dbus-run-session -- scripts/with-keyring.sh cargo test --workspace --locked
layer "UI in Chromium (Playwright, axe)" npm --prefix ui run -s test:browser
# The bare Tauri app (the app metrics' baseline) builds in the same run, so it shares every
# dependency already compiled for the app.
layer "app build for end to end (debug, embedded UI)" \
  cargo build --locked -p holdspace-app -p holdspace-bare-tauri \
    --features holdspace-app/custom-protocol,holdspace-app/e2e,holdspace-bare-tauri/custom-protocol
layer "end to end (WebDriver, real app, Xvfb)" scripts/e2e.sh
layer "benchmark smoke run (bench --quick)" \
  cargo run --quiet --locked -p holdspace-cli -- bench --quick
# Checks the harness of `make app-metrics` runs (one launch each, 2 s idle), not the numbers.
layer "app metrics smoke run (debug, Xvfb)" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
    node scripts/app-metrics.mjs --profile debug --runs 1 --idle-seconds 2
# A size, not a timing: the initial JavaScript's hard budget is checked on the build above.
layer "initial UI JavaScript budget (gzipped)" node scripts/ui-bundle-size.mjs
# Last: the Tauri CLI's debug build replaces the end-to-end build of target/debug/holdspace.
layer "installer: .deb built, unpacked and started (Xvfb)" bash -c 'make deb && make deb-check'

echo
echo "Time per layer:"
printf '  %s\n' "${timings[@]}"
