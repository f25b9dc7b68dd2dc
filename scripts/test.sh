#!/usr/bin/env bash
# The whole test suite: system packages, type-check, then vitest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || { echo "node_modules missing: run npm ci first" >&2; exit 1; }
bash scripts/system-deps.sh
npx tsc --noEmit -p .
TZ=UTC npx vitest run "$@"
