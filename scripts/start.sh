#!/usr/bin/env bash
# Runs qline: installs, builds, migrates the embedded database (or DATABASE_URL), seeds the demo, starts the
# API, and serves the admin console and the public pages (kiosk, customer, display) built against it.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/bootstrap.sh

API_PORT="${PORT:-4000}"
ADMIN_PORT="${ADMIN_PORT:-4173}"
PUBLIC_PORT="${PUBLIC_PORT:-4174}"
export VITE_API_URL="${VITE_API_URL:-http://127.0.0.1:$API_PORT/graphql}"
export QLINE_ADMIN_URL="${QLINE_ADMIN_URL:-http://127.0.0.1:$ADMIN_PORT}"
export QLINE_PUBLIC_URL="${QLINE_PUBLIC_URL:-http://127.0.0.1:$PUBLIC_PORT}"

# With no SMTP or Twilio configured, the API delivers email and SMS to a local dev mailbox (a real SMTP server and
# a Twilio-speaking HTTP server on loopback) whose messages the admin's Notifications page shows.
if [ -z "${SMTP_URL:-}${SMTP_HOST:-}${TWILIO_ACCOUNT_SID:-}" ]; then
  export QLINE_DEV_SINKS="${QLINE_DEV_SINKS:-1}"
  export QLINE_DEV_SMTP_PORT="${QLINE_DEV_SMTP_PORT:-2525}"
  export QLINE_DEV_SMS_PORT="${QLINE_DEV_SMS_PORT:-4015}"
  echo "› no SMTP/Twilio configured: dev mailbox on smtp://127.0.0.1:$QLINE_DEV_SMTP_PORT and SMS sink (Twilio API) on http://127.0.0.1:$QLINE_DEV_SMS_PORT"
fi

echo "› building (web apps against $VITE_API_URL)"
pnpm exec turbo run build --output-logs=errors-only

trap 'kill $(jobs -p) 2>/dev/null || true' EXIT INT TERM
pnpm --filter @qline/admin exec vite preview --host 127.0.0.1 --port "$ADMIN_PORT" --strictPort >/dev/null &
pnpm --filter @qline/kiosk exec vite preview --host 127.0.0.1 --port "$PUBLIC_PORT" --strictPort >/dev/null &
node apps/api/dist/main.js
