#!/usr/bin/env bash
# Installs what the project needs and is missing, idempotently: the wasm32 target, the wasm-bindgen
# CLI at exactly the pinned version, Debian's chromium + chromium-driver, and npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

want=$(wasm_bindgen_version)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (had: ${have:-none}); takes about 3 minutes"
  cargo install wasm-bindgen-cli --version "$want" --locked --force 2>/dev/null \
    || cargo install wasm-bindgen-cli --version "$want" --force
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

npm_install() { # dir
  if [ ! -d "$1/node_modules" ] || [ "$1/package.json" -nt "$1/node_modules/.installed" ]; then
    say "npm install in $1"
    (cd "$1" && npm install --no-audit --no-fund --loglevel=error && touch node_modules/.installed)
  fi
}
npm_install .
for d in www bench tests/js tests/consumers; do
  [ -f "$d/package.json" ] && npm_install "$d"
done
say "tools ready"
