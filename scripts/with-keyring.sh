#!/usr/bin/env bash
# Runs a command with its own unlocked Secret Service (gnome-keyring) on the current D-Bus
# session, so keyring tests use the real store without touching anyone's login keyring.
# Use inside `dbus-run-session -- scripts/with-keyring.sh CMD...`.
set -euo pipefail
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# A fresh keyring folder: a stale login.keyring with another password leads to "prompt dismissed".
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
# Config and cache too: the app's window state and an autostart entry a test turns on must
# land here, never in the real home folder.
export XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf '%s' 'throwaway-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
# Tells the keyring tests a real Secret Service is here, so they must pass rather than skip.
export HOLDSPACE_TEST_SECRET_SERVICE=1
"$@"
