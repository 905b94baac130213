#!/usr/bin/env bash
# Fresh machine → ready to run: OS packages, npm dependencies (keytar is compiled here), and the build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-os-deps.sh
npm ci --no-audit --no-fund
bash scripts/install-conformance-sdk.sh
npm run build --silent
echo "setup: done. Start the app with: npm start -- --demo"
