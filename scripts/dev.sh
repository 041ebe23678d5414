#!/usr/bin/env bash
# Runs the editor: installs what is missing, builds the module, and serves www/ on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
cd www
exec npm run dev -- --host 127.0.0.1 "$@"
