#!/usr/bin/env bash
# ensure-package.sh FILE PACKAGE WHAT: installs Debian's PACKAGE (as root, or with sudo) when FILE is missing, and
# checks that FILE is there afterwards. Used by ensure-font.sh and ensure-chromium.sh.
set -euo pipefail
file="$1" package="$2" what="$3"
[ -e "$file" ] && exit 0
install=(apt-get install -y -qq --no-install-recommends "$package")
echo "$what $file is missing: installing $package" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
elif command -v sudo >/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
else
  echo "Install it, then run this again:  sudo apt-get update && sudo ${install[*]}" >&2
  exit 1
fi
[ -e "$file" ] || { echo "$package is installed but $file is still missing" >&2; exit 1; }
