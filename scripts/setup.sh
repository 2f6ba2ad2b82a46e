#!/usr/bin/env bash
# Installs what building and testing Holdspace needs on Debian/Ubuntu, and checks (never
# installs) the Rust toolchain. Idempotent: packages already present are not reinstalled.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build: C toolchain, pkg-config, libcrypto for SQLCipher, D-Bus and libsecret for the keyring.
# Tests: a D-Bus session and gnome-keyring give the keyring tests a real Secret Service.
# The desktop shell: WebKitGTK, GTK, the tray, SVG icons. Its end-to-end tests: Xvfb and
# WebKitWebDriver. The UI's browser tests: Chromium. Screenshots: ImageMagick. The durability
# test: strace.
packages=(
  build-essential pkg-config curl file
  libssl-dev libdbus-1-dev libsecret-1-dev
  dbus dbus-x11 gnome-keyring libsecret-tools
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver
  chromium
  imagemagick x11-apps
  strace xdotool
  locales
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

# The German UI's end-to-end case starts the app with LANG=de_DE.UTF-8; WebKitGTK takes the
# page's language from the C library's locale, which must exist to be chosen.
if command -v localedef >/dev/null 2>&1 && ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  echo "setup: generating the de_DE.UTF-8 locale"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8
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

# Node 20 or newer for the UI tool chain (Debian 12's own nodejs is 18: use NodeSource or nvm).
if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "setup: Node.js 20 or newer is required for the UI (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
# The UI's packages, exactly as locked.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing the UI's npm packages"
  npm --prefix ui ci --no-audit --no-fund
fi
# The end-to-end tests' own packages (a D-Bus notification server that records what it gets).
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  echo "setup: installing the end-to-end tests' npm packages"
  npm --prefix tests/e2e ci --no-audit --no-fund
fi
# tauri-driver bridges WebDriver to WebKitWebDriver for the end-to-end tests (Tauri 2 line).
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi
echo "setup: ready (Rust $have, Node $(node --version))"
