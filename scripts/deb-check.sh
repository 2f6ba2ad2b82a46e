#!/usr/bin/env bash
# Checks the .deb that `make deb` built, as a person installing it would meet it: unpacked with
# dpkg-deb -x (no root, nothing installed on this machine), it holds the app, its desktop entry
# with name, description and categories, and its icons; and the app it holds starts and paints
# its first screen from the UI it embeds. Run under Xvfb and a D-Bus session (the test command
# does). Usage: scripts/deb-check.sh [path/to/Holdspace_<version>_<arch>.deb]
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:-$(ls -t target/debug/bundle/deb/Holdspace_*.deb 2>/dev/null | head -n 1)}
[ -f "$deb" ] || { echo "deb-check: no .deb found; run make deb first" >&2; exit 1; }
scratch=$(mktemp -d)
app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then
    kill -- "-$app_pid" 2>/dev/null || true
    # Let the app and its WebKit processes finish writing before their folder goes.
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "deb-check: $*" >&2; exit 1; }

echo "deb-check: $deb ($(du -h "$deb" | cut -f1))"
for field in Package Version Architecture Depends Description; do
  value=$(dpkg-deb -f "$deb" "$field")
  [ -n "$value" ] || fail "the package has no $field field"
  echo "  $field: $value"
done

dpkg-deb -x "$deb" "$scratch/root"
app="$scratch/root/usr/bin/holdspace"
entry="$scratch/root/usr/share/applications/Holdspace.desktop"
[ -x "$app" ] || fail "usr/bin/holdspace is missing or not executable"
[ -f "$entry" ] || fail "the desktop entry usr/share/applications/Holdspace.desktop is missing"
for key in Name=Holdspace Exec=holdspace Icon=holdspace Comment= Categories=; do
  grep -q "^$key" "$entry" || fail "the desktop entry has no $key line"
done
icons=$(find "$scratch/root/usr/share/icons" -name holdspace.png | wc -l)
[ "$icons" -ge 2 ] || fail "expected the app's icon in at least two sizes, found $icons"
echo "  desktop entry: $(grep -E '^(Name|Categories)=' "$entry" | tr '\n' ' ')"
echo "  icons: $icons sizes"

# Start the packaged binary with a data folder and home of its own; it reports its first paint
# (the welcome screen, as no vault exists) through HOLDSPACE_FIRST_PAINT_FILE.
mkdir -p "$scratch/home"
started=$(date +%s%N)
HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_CACHE_HOME="$scratch/home/.cache" \
  XDG_DATA_HOME="$scratch/home/.local/share" HOLDSPACE_DATA_DIR="$scratch/vault" \
  HOLDSPACE_FIRST_PAINT_FILE="$scratch/painted" setsid "$app" >"$scratch/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do
  [ -s "$scratch/painted" ] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app.log" >&2; fail "the packaged app exited before its first screen"; }
  sleep 0.1
done
[ -s "$scratch/painted" ] || { cat "$scratch/app.log" >&2; fail "the packaged app showed no screen within 60 s"; }
painted_us=$(cat "$scratch/painted")
echo "  the packaged app painted its first screen $(( (painted_us - started / 1000) / 1000 )) ms after start"
echo "deb-check: ok"
