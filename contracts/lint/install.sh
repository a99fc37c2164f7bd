#!/usr/bin/env bash
# Installs the contract checkers (the AsyncAPI parser, Redocly CLI) exactly as package-lock.json pins them, with the
# machine's own node and npm (npm ci). Run by the contracts module's build; the tests that use them (the AsyncAPI
# contract test, the services' OpenAPI lint ITs) skip with a message when node is absent.
# Skips the install when node_modules already holds what this package-lock.json pins.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "contract-lint: node/npm not found on PATH: the AsyncAPI parser and Redocly checks will be SKIPPED"
  exit 0
fi
stamp=node_modules/.installed-from-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  echo "contract-lint: node_modules is current with package-lock.json"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
echo "contract-lint: installed $(node -p "Object.entries(require('./package.json').dependencies).map(e=>e.join('@')).join(', ')")"
