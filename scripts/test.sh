#!/usr/bin/env bash
# Sets up and runs every test layer, printing how long each took. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

timings=()
layer() {
  local name=$1; shift
  echo "==> $name"
  local start=$SECONDS
  "$@"
  timings+=("$(printf '%-34s %4ds' "$name" $((SECONDS - start)))")
}

layer "setup (packages, toolchain)" scripts/setup.sh
layer "format check (cargo fmt)" cargo fmt --all --check
layer "lint (clippy -D warnings)" cargo clippy --workspace --all-targets --locked -- -D warnings
# Every test runs inside its own D-Bus session with a throw-away, unlocked gnome-keyring, so the
# keyring tests use the real Secret Service and never anyone's login keyring.
layer "tests (core, CLI; real keyring)" \
  dbus-run-session -- scripts/with-keyring.sh cargo test --workspace --locked
layer "benchmark smoke run (bench --quick)" \
  cargo run --quiet --locked -p holdspace-cli -- bench --quick

echo
echo "Time per layer:"
printf '  %s\n' "${timings[@]}"
