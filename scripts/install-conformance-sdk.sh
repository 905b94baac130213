#!/usr/bin/env bash
# The public Rainbow Node SDK that test/conformance drives against the simulator, in its own folder with its own
# lockfile so the app's dependencies stay clean. --ignore-scripts: nothing of its tree runs at install time (its
# placeholder and git-hosted packages are replaced through `overrides` in its package.json).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix test/conformance/sdk --ignore-scripts --no-audit --no-fund
