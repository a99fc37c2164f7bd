#!/usr/bin/env bash
# The two documents embed WenQuanYi Micro Hei (Apache-2.0 / GPL-3 with font exception), from Debian's package
# fonts-wqy-microhei. Installs it when missing (as root, or with sudo); NOTICE_FONT_PATH points elsewhere.
set -euo pipefail
font="${NOTICE_FONT_PATH:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}"
[ -f "$font" ] && exit 0
install=(apt-get install -y -qq --no-install-recommends fonts-wqy-microhei)
echo "The CJK font $font is missing: installing fonts-wqy-microhei" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
elif command -v sudo >/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
else
  echo "Install it, then run this again:  sudo apt-get update && sudo ${install[*]}" >&2
  exit 1
fi
[ -f "$font" ] || { echo "fonts-wqy-microhei is installed but $font is still missing" >&2; exit 1; }
