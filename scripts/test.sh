#!/usr/bin/env bash
# Builds Relaydesk with warnings as errors and runs the whole test suite (headless).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
