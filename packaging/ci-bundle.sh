#!/usr/bin/env bash
# CI step after the tests (Linux): build the one-folder bundle with PyInstaller, check what is inside, run the
# built program's `--version` and `--smoke-test` (offscreen, against a real Secret Service) and pack the release
# .tar.gz — the same packaging/ci_steps.py steps the Windows and macOS jobs run (.github/workflows/desktop.yml).
#
#   packaging/ci-bundle.sh                build + check + archive (about 30 s to build here)
#   SKIP_BUILD=1 packaging/ci-bundle.sh   check an existing dist/sms-composer again
#
# Needs: .venv (make test creates it), dbus-run-session and gnome-keyring-daemon (installed by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
STEPS=packaging/ci_steps.py

fail() {
  echo "ci-bundle: FAILED: $*" >&2
  exit 1
}

[ -x "$BIN/python" ] || fail "no $BIN/python; run 'make test' (or 'make package') first"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  if ! "$BIN/python" -c 'import PyInstaller' 2>/dev/null; then
    echo "ci-bundle: installing the package extra (PyInstaller)"
    "$BIN/python" -m pip install --quiet -e '.[package]'
  fi
  "$BIN/python" "$STEPS" build
fi
"$BIN/python" "$STEPS" contents
"$BIN/python" "$STEPS" version

# The smoke test must see a real keyring: gnome-keyring's Secret Service in a private D-Bus session, with a
# fresh keyring file (XDG_DATA_HOME) unlocked by a throwaway password. ci_steps.py gives the app throwaway
# data and settings folders, so nothing touches the CI user's own.
command -v dbus-run-session >/dev/null || fail "dbus-run-session not found (apt-get install dbus)"
command -v gnome-keyring-daemon >/dev/null || fail "gnome-keyring-daemon not found (apt-get install gnome-keyring)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/xdg-data"
timeout 180 dbus-run-session -- sh -c \
  'eval "$(printf ci-bundle | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null; exec "$0" "$1" smoke' \
  "$BIN/python" "$STEPS" 2> >(grep -v '^dbus-daemon\[' >&2) || fail "the smoke test (report above)"

"$BIN/python" "$STEPS" archive
