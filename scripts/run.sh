#!/usr/bin/env bash
# Sets up and runs Holdspace. Until the desktop shell lands, "the app" is the CLI: this creates a
# demo vault in a temporary folder, shows its status, unlocks it and checks it, then removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --quiet --locked -p holdspace-cli
cli=target/debug/holdspace-cli
demo=$(mktemp -d)
trap 'rm -rf "$demo"' EXIT
pass="$demo/passphrase.txt"
echo "a demo passphrase for holdspace" >"$pass"
echo "==> holdspace-cli init --no-keyring (a demo vault in a temporary folder)"
"$cli" --data-dir "$demo/vault" --passphrase-file "$pass" init --no-keyring
echo "==> holdspace-cli status"
"$cli" --data-dir "$demo/vault" status
echo "==> holdspace-cli unlock"
"$cli" --data-dir "$demo/vault" --passphrase-file "$pass" unlock
echo "==> holdspace-cli doctor"
"$cli" --data-dir "$demo/vault" --passphrase-file "$pass" doctor
echo
echo "The demo vault is removed on exit. Use $cli --help for every command."
