#!/usr/bin/env bash
# Runs every test: lint, types, committed artifacts, then the suites on embedded PGlite, and again on the
# PostgreSQL server named by TEST_DATABASE_URL (with Redis at REDIS_URL for cross-process pub/sub) when set.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/bootstrap.sh
pnpm exec turbo run build --output-logs=errors-only
pnpm exec turbo run lint typecheck --output-logs=errors-only
pnpm --filter @qline/api run schema:check

echo "━━ tests on embedded PGlite, in-process pub/sub"
env -u TEST_DATABASE_URL -u REDIS_URL pnpm exec turbo run test --concurrency=1 --output-logs=new-only

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "━━ tests on PostgreSQL ($TEST_DATABASE_URL), Redis ${REDIS_URL:-not set}"
  pnpm exec turbo run test --concurrency=1 --output-logs=new-only --filter=@qline/db --filter=@qline/api
fi
