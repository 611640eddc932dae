#!/usr/bin/env bash
# Installs what qline needs on a fresh machine: pnpm (pinned; corepack fails here) and the workspace's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm $PNPM_VERSION"
  npm install --global "pnpm@$PNPM_VERSION" >/dev/null
fi
echo "› installing packages"
pnpm install --frozen-lockfile
