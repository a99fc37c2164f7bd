#!/usr/bin/env bash
# The two documents embed WenQuanYi Micro Hei (Apache-2.0 / GPL-3 with font exception), from Debian's package
# fonts-wqy-microhei. Installs it when missing (as root, or with sudo); NOTICE_FONT_PATH points elsewhere.
set -euo pipefail
exec "$(dirname "$0")/ensure-package.sh" "${NOTICE_FONT_PATH:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}" \
  fonts-wqy-microhei "The CJK font"
