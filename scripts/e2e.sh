#!/usr/bin/env bash
# Runs each end-to-end case file against the real debug app (target/debug/holdspace, built with
# the UI embedded) in its own D-Bus session, gnome-keyring, XDG_DATA_HOME and Xvfb display.
# Every launch is bounded by a timeout: a hung app must fail the run, not stall it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
[ -x target/debug/holdspace ] || { echo "e2e: build the app first (cargo build -p holdspace-app --features custom-protocol,e2e)" >&2; exit 1; }
status=0
for case in tests/e2e/cases/*.test.ts; do
  echo "--- $case"
  if ! timeout 360 dbus-run-session -- scripts/with-keyring.sh \
      xvfb-run -a -s "-screen 0 1280x800x24" \
      ui/node_modules/.bin/tsx --test "$case"; then
    status=1
  fi
done
exit $status
