#!/usr/bin/env bash
# Builds the npm package folder pkg/: wasm32 release build, wasm-bindgen (web target), wasm-opt -Oz,
# the Node entry and package.json. Usage: bash scripts/build.sh   (tools: bash scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

cargo build --lib --release --target wasm32-unknown-unknown --quiet
# Built beside pkg/ and moved in at the end, so pkg/ is never half-written while others read it.
out=pkg.next
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" --out-name commit_editor \
  target/wasm32-unknown-unknown/release/commit_editor.wasm
# --one-caller-inline-max-function-size=0: -Oz otherwise inlines every function with one caller,
# which shrinks the raw module a little but grows it gzipped by ~10% (measured in SIZE.md).
./node_modules/.bin/wasm-opt -Oz --one-caller-inline-max-function-size=0 --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/commit_editor_bg.wasm" -o "$out/commit_editor_bg.wasm"
bash scripts/pkg/types.sh "$out"
node scripts/pkg/glue.mjs "$out/commit_editor.js"
# The glue and its snippets ship minified (about 11 → 6.5 KB gzipped, SIZE.md). The glue keeps its
# names (CommitEditor reads as itself in a debugger); the snippets do not: --keep-names renames each
# closure made per call through Object.defineProperty, +10% on a keystroke (answer.js's `take`).
# The .d.ts files carry the docs.
minify() { # file, extra esbuild flags
  ./node_modules/.bin/esbuild "$1" --minify --format=esm --log-level=warning \
    --outfile="$1" --allow-overwrite "${@:2}"
}
minify "$out/commit_editor.js" --keep-names
for js in $(find "$out/snippets" -name '*.js'); do minify "$js"; done
cp scripts/pkg/node.js "$out/node.js"
version=$(cargo_version)
sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" scripts/pkg/package.json > "$out/package.json"
cp README.md LICENSE "$out/"
rm -f "$out/.gitignore"
rm -rf pkg.old && { [ ! -d pkg ] || mv pkg pkg.old; } && mv "$out" pkg && rm -rf pkg.old
echo "built pkg/ (commit-editor $version): $(wc -c < pkg/commit_editor_bg.wasm) bytes of wasm"
