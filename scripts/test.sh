#!/usr/bin/env bash
# npm test: lint, typecheck, unit + integration tests (vitest), then a fresh production
# build and the end-to-end tests (Playwright in the system Chromium). Integration and
# end-to-end tests use DATABASE_URL when set, otherwise the embedded PGlite database.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "▶ lint";       npx eslint --max-warnings=0 .
echo "▶ typecheck";  npx tsc --noEmit
echo "▶ vitest";     npx vitest run
echo "▶ next build"; npx next build > /tmp/sgt-next-build.log 2>&1 || { cat /tmp/sgt-next-build.log; exit 1; }
echo "▶ playwright"
E2E_DATA_DIR="$(mktemp -d -t sgt-e2e-XXXXXX)"
trap 'rm -rf "$E2E_DATA_DIR"' EXIT
E2E_DATA_DIR="$E2E_DATA_DIR" npx playwright test
