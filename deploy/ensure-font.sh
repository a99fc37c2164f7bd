#!/usr/bin/env bash
# The two documents embed subsets of two Debian fonts (GB/T 9704-2012: a Song/Ming serif for the body, 黑体 for the
# headings): AR PL UMing CN (fonts-arphic-uming, Arphic Public License, embedding allowed) and WenQuanYi Micro Hei
# (fonts-wqy-microhei, Apache-2.0 / GPL-3 with font exception). Installs each when missing (as root, or with sudo);
# NOTICE_FONT_PATH and NOTICE_HEADING_FONT_PATH point elsewhere.
set -euo pipefail
here="$(dirname "$0")"
"$here/ensure-package.sh" "${NOTICE_FONT_PATH:-/usr/share/fonts/truetype/arphic/uming.ttc}" \
  fonts-arphic-uming "The serif CJK font"
exec "$here/ensure-package.sh" "${NOTICE_HEADING_FONT_PATH:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}" \
  fonts-wqy-microhei "The heading CJK font (黑体)"
