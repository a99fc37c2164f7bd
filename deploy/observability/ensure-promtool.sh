#!/usr/bin/env bash
# Installs Debian's prometheus package for its promtool when missing: the tests check the alert rules with it
# (promtool check rules) and evaluate the dead-letter alert against metrics scraped from a running service
# (promtool test rules). The server it also brings is not started by the tests.
set -euo pipefail
"$(dirname "$0")/../ensure-package.sh" /usr/bin/promtool prometheus "Prometheus' rule checker"
