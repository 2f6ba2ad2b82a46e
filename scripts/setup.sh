#!/usr/bin/env bash
# Installs what building and testing Holdspace needs on Debian/Ubuntu, and checks (never
# installs) the Rust toolchain. Idempotent: packages already present are not reinstalled.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build: C toolchain, pkg-config, libcrypto for SQLCipher, D-Bus and libsecret for the keyring.
# Tests: a D-Bus session and gnome-keyring give the keyring tests a real Secret Service.
packages=(
  build-essential pkg-config curl file
  libssl-dev libdbus-1-dev libsecret-1-dev
  dbus dbus-x11 gnome-keyring libsecret-tools
)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "setup: not a Debian/Ubuntu system; install the equivalents of: ${packages[*]} (see README)" >&2
fi

# The toolchain is pinned in rust-toolchain.toml by its exact installed name.
want=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
if ! command -v rustc >/dev/null 2>&1; then
  echo "setup: Rust $want is required (https://rustup.rs), then: rustup toolchain install $want" >&2
  exit 1
fi
have=$(rustc --version | awk '{print $2}')
if [ "$have" != "$want" ]; then
  echo "setup: rust-toolchain.toml asks for Rust $want but rustc is $have; install $want with rustup" >&2
  exit 1
fi
echo "setup: ready (Rust $have)"
