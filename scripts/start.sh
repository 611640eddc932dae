#!/usr/bin/env bash
# Runs qline: installs, builds, migrates the embedded database (or DATABASE_URL), seeds the demo, starts the API.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/bootstrap.sh
echo "› building"
pnpm exec turbo run build --output-logs=errors-only
exec node apps/api/dist/main.js
