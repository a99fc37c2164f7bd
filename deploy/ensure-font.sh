#!/usr/bin/env bash
# The two documents embed WenQuanYi Micro Hei (Apache-2.0 / GPL-3 with font exception), from Debian's package
# fonts-wqy-microhei. Installs it when missing; the path can be overridden with NOTICE_FONT_PATH.
set -euo pipefail
font="${NOTICE_FONT_PATH:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}"
[ -f "$font" ] && exit 0
echo "CJK font missing at $font: installing fonts-wqy-microhei" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "Run as root: apt-get install -y fonts-wqy-microhei" >&2; exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-wqy-microhei >/dev/null
[ -f "$font" ] || { echo "fonts-wqy-microhei installed but $font is still missing" >&2; exit 1; }
