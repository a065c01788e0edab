#!/usr/bin/env bash
# npm test: lint, typecheck, unit + integration tests (vitest), the crash tests, then a fresh
# production build and the end-to-end tests (Playwright in the system Chromium). Integration,
# crash and end-to-end tests use DATABASE_URL when set, otherwise the embedded PGlite database.
# With DATABASE_URL, the several-instances test (nginx + Redis) runs last when both are here
# (always in CI, where their absence is a failure).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "▶ lint";       npx eslint --max-warnings=0 .
echo "▶ typecheck";  npx tsc --noEmit
echo "▶ vitest";     npx vitest run --project unit --project integration
echo "▶ resilience"; npx vitest run --project resilience
echo "▶ next build"; npx next build > /tmp/sgt-next-build.log 2>&1 || { cat /tmp/sgt-next-build.log; exit 1; }
echo "▶ playwright"
E2E_DATA_DIR="$(mktemp -d -t sgt-e2e-XXXXXX)"
trap 'rm -rf "$E2E_DATA_DIR"' EXIT
# PLAYWRIGHT_ARGS narrows the run, e.g. --project=desktop (CI runs the phone layouts on one pass only).
E2E_DATA_DIR="$E2E_DATA_DIR" npx playwright test ${PLAYWRIGHT_ARGS:-}

if [ -n "${DATABASE_URL:-}" ]; then
  if [ -x "${NGINX_PATH:-/usr/sbin/nginx}" ] && (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null || [ -n "${CI:-}" ]; then
    echo "▶ several instances (nginx + Redis)"
    npx playwright test -c playwright.multi.config.ts
  else
    echo "▶ several instances: skipped (needs nginx and Redis at 127.0.0.1:6379; see README, Deploying)"
  fi
fi
