#!/usr/bin/env bash
# The portal's browser tests (system-tests, Playwright for Java) drive Debian's chromium, not a browser Playwright
# downloads. Installs the package when missing (as root, or with sudo); CHROMIUM_PATH points elsewhere.
set -euo pipefail
exec "$(dirname "$0")/ensure-package.sh" "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium "The browser"
