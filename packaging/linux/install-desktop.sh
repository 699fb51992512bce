#!/usr/bin/env bash
# Install the built bundle (dist/sms-composer) for the current user with menu entry and icons:
#   packaging/linux/install-desktop.sh [PREFIX]     PREFIX defaults to ~/.local
# Uninstall: packaging/linux/install-desktop.sh --uninstall [PREFIX]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
app_id=cn.smscomposer.SmsComposer
uninstall=0
if [ "${1:-}" = "--uninstall" ]; then uninstall=1; shift; fi
prefix="${1:-$HOME/.local}"
share="$prefix/share"

files=("$prefix/bin/sms-composer" "$share/applications/$app_id.desktop" "$share/metainfo/$app_id.metainfo.xml"
       "$share/icons/hicolor/scalable/apps/$app_id.svg")
for size in 16 32 48 64 128 256 512; do files+=("$share/icons/hicolor/${size}x${size}/apps/$app_id.png"); done

if [ "$uninstall" = 1 ]; then
  rm -rf "$prefix/opt/sms-composer" "${files[@]}"
  echo "removed sms-composer from $prefix"
  exit 0
fi

bundle="$root/dist/sms-composer"
[ -x "$bundle/sms-composer" ] || { echo "error: $bundle not built; run 'make package' first" >&2; exit 1; }
mkdir -p "$prefix/opt" "$prefix/bin" "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
rm -rf "$prefix/opt/sms-composer"
cp -a "$bundle" "$prefix/opt/sms-composer"
ln -sf "$prefix/opt/sms-composer/sms-composer" "$prefix/bin/sms-composer"
install -m 644 "$root/packaging/linux/$app_id.desktop" "$share/applications/$app_id.desktop"
install -m 644 "$root/packaging/linux/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -m 644 "$root/resources/icons/app.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
for size in 16 32 48 64 128 256 512; do
  install -D -m 644 "$root/resources/icons/app-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "installed sms-composer to $prefix (make sure $prefix/bin is on PATH)"
