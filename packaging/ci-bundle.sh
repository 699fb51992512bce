#!/usr/bin/env bash
# CI step after the tests: build the one-folder bundle with PyInstaller, then run the built program
# (`--version`, and `--smoke-test` offscreen against a real Secret Service) and fail loudly if anything is off.
#
#   packaging/ci-bundle.sh            build + check (about 30 s to build here)
#   SKIP_BUILD=1 packaging/ci-bundle.sh   check an existing dist/sms-composer again
#
# Needs: .venv (make test creates it), dbus-run-session and gnome-keyring-daemon (installed by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
BUNDLE=dist/sms-composer
EXE="$BUNDLE/sms-composer"

fail() {
  echo "ci-bundle: FAILED: $*" >&2
  exit 1
}
step() { echo "ci-bundle: $*"; }

[ -x "$BIN/python" ] || fail "no $BIN/python; run 'make test' (or 'make package') first"
version="$("$BIN/python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  if ! "$BIN/python" -c 'import PyInstaller' 2>/dev/null; then
    step "installing the package extra (PyInstaller)"
    "$BIN/python" -m pip install --quiet -e '.[package]'
  fi
  step "building $BUNDLE"
  start=$(date +%s)
  "$BIN/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build \
    packaging/sms-composer.spec || fail "PyInstaller build"
  step "build took $(($(date +%s) - start)) s"
fi
[ -x "$EXE" ] || fail "$EXE was not built"

# The data files the app looks for at run time must be inside the bundle.
internal="$BUNDLE/_internal"
for qm in resources/i18n/*.qm; do
  [ -e "$qm" ] || continue
  [ -f "$internal/$qm" ] || fail "$qm missing from the bundle"
done
[ -f "$internal/PySide6/Qt/translations/qtbase_zh_CN.qm" ] || fail "Qt's qtbase_zh_CN.qm missing from the bundle"
compgen -G "$internal/keyring-*.dist-info/entry_points.txt" >/dev/null \
  || fail "keyring's dist-info (entry points) missing: the frozen app would only find the fail backend"
if compgen -G "resources/samples/*" >/dev/null; then
  [ -d "$internal/resources/samples" ] || fail "resources/samples missing from the bundle"
fi

step "size: $(du -sh "$BUNDLE" | cut -f1) ($(find "$BUNDLE" -type f | wc -l) files)"

out="$("$EXE" --version 2>&1)" || fail "'$EXE --version' exited with $?: $out"
[ "$out" = "sms-composer $version" ] || fail "'$EXE --version' printed '$out', expected 'sms-composer $version'"
step "--version: $out"

# The smoke test must not touch the CI user's folders, and must see a real keyring: gnome-keyring's Secret
# Service in a private D-Bus session, with a fresh keyring file (XDG_DATA_HOME) unlocked by a throwaway password.
command -v dbus-run-session >/dev/null || fail "dbus-run-session not found (apt-get install dbus)"
command -v gnome-keyring-daemon >/dev/null || fail "gnome-keyring-daemon not found (apt-get install gnome-keyring)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export SMS_COMPOSER_DATA_DIR="$scratch/data" SMS_COMPOSER_CONFIG_DIR="$scratch/config" QT_QPA_PLATFORM=offscreen
export XDG_DATA_HOME="$scratch/xdg-data"
unset SMS_COMPOSER_LANG SMS_COMPOSER_APPID SMS_COMPOSER_APPSECRET PYTHON_KEYRING_BACKEND
start=$(date +%s%N)
set +e
report="$(timeout 120 dbus-run-session -- sh -c \
  'eval "$(printf ci-bundle | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null; exec "$0" --smoke-test' \
  "$EXE" 2>&1 | grep -v '^dbus-daemon\[')"
status=${PIPESTATUS[0]}
set -e
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
echo "$report" | sed 's/^/  | /'
[ "$status" = 0 ] || fail "'$EXE --smoke-test' exited with $status (report above)"
grep -q '^smoke test: ok' <<<"$report" || fail "the smoke report does not end in 'smoke test: ok'"
grep -q '^keyring: .*(usable)' <<<"$report" || fail "the bundled app found no usable keyring backend"
if grep -q '^keyring: .*fail\.Keyring' <<<"$report"; then fail "the bundled app fell back to keyring's fail backend"; fi
step "--smoke-test: ok in ${elapsed_ms} ms (including the D-Bus session and keyring start)"
