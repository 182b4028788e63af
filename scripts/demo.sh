#!/usr/bin/env bash
# Installs what is missing, builds Relaydesk and launches the console with the simulator feeding it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --gui
cmake --preset default
cmake --build --preset default --target relaydesk
exec build/default/app/relaydesk/relaydesk --demo "$@"
