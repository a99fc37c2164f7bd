#!/usr/bin/env bash
# The portal's browser tests (system-tests, Playwright for Java) drive Debian's chromium, not a browser Playwright
# downloads. Installs the package when missing (as root, or with sudo); CHROMIUM_PATH points elsewhere.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
install=(apt-get install -y -qq --no-install-recommends chromium)
echo "The browser $browser is missing: installing Debian's chromium" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
elif command -v sudo >/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
else
  echo "Install it, then run this again:  sudo apt-get update && sudo ${install[*]}" >&2
  exit 1
fi
[ -x "$browser" ] || { echo "chromium is installed but $browser is still missing" >&2; exit 1; }
