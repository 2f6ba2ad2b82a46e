#!/usr/bin/env bash
# Sets up and starts the Holdspace desktop app (a debug build with the UI embedded).
# Your vault lives in the OS app-data folder; set HOLDSPACE_DATA_DIR to use another folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
npm --prefix ui run -s build
cargo build --locked -p holdspace-app --features custom-protocol
exec target/debug/holdspace "$@"
