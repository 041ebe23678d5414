#!/usr/bin/env bash
# Builds the npm package folder pkg/: wasm32 release build, wasm-bindgen (web target), wasm-opt -Oz,
# the Node entry and package.json. Usage: bash scripts/build.sh   (tools: bash scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

cargo build --lib --release --target wasm32-unknown-unknown --quiet
rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --out-dir pkg --out-name commit_editor \
  target/wasm32-unknown-unknown/release/commit_editor.wasm
./node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/commit_editor_bg.wasm -o pkg/commit_editor_bg.wasm
cp scripts/pkg/node.js pkg/node.js
version=$(cargo_version)
sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" scripts/pkg/package.json > pkg/package.json
cp README.md pkg/README.md 2>/dev/null || true
rm -f pkg/.gitignore
echo "built pkg/ (commit-editor $version): $(wc -c < pkg/commit_editor_bg.wasm) bytes of wasm"
