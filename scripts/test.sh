#!/usr/bin/env bash
# Runs every test: lint, types, committed artifacts, then the suites and the browser journeys on embedded
# PGlite, and again on the PostgreSQL server named by TEST_DATABASE_URL (with Redis at REDIS_URL: two API
# processes, cross-process pub/sub) when set. Browser tests need Debian's chromium at /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/bootstrap.sh
pnpm exec turbo run build --output-logs=errors-only
pnpm exec turbo run lint typecheck --output-logs=errors-only
pnpm --filter @qline/api run schema:check

echo "━━ tests on embedded PGlite, in-process pub/sub"
env -u TEST_DATABASE_URL -u REDIS_URL pnpm exec turbo run test --concurrency=1 --output-logs=new-only
echo "━━ browser journeys (Debian Chromium) against the API on embedded PGlite"
env -u TEST_DATABASE_URL -u REDIS_URL pnpm --filter @qline/e2e run test:e2e

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "━━ tests on PostgreSQL ($TEST_DATABASE_URL), Redis ${REDIS_URL:-not set}"
  pnpm exec turbo run test --concurrency=1 --output-logs=new-only --filter=@qline/db --filter=@qline/api
  echo "━━ browser journeys with two API processes on PostgreSQL + Redis"
  E2E_DATABASE_URL="$TEST_DATABASE_URL" pnpm --filter @qline/e2e run test:e2e:pg
fi
