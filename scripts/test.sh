#!/usr/bin/env bash
# The whole test suite: system packages, type-check, then vitest (both projects: unit and build).
# With arguments (files or vitest flags) it runs just vitest on them: `npm test -- test/text/matcher.test.ts`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || { echo "node_modules missing: run npm ci first" >&2; exit 1; }
if [ $# -gt 0 ]; then
  TZ=UTC exec npx vitest run "$@"
fi
step() { local t0=$SECONDS; "$@"; echo "test step: $* took $((SECONDS - t0)) s" >&2; }
step bash scripts/system-deps.sh
step npx tsc --noEmit -p .
step env TZ=UTC npx vitest run
