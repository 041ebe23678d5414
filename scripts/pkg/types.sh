#!/usr/bin/env bash
# Post-processes the generated types in a package folder (default pkg/) so they compile in plain
# projects with skipLibCheck off (tests/consumers/ts-strict checks both):
#  1. commit_editor.d.ts: wasm-bindgen declares `[Symbol.dispose]()` on classes, which needs lib
#     esnext.disposable; a browser app on lib ES2022 + DOM does not have it. Reference it.
#  2. node.d.ts (types of the "node" export condition): the same API without the browser init, whose
#     types name DOM globals (RequestInfo, BufferSource, WebAssembly) that a Node project without
#     lib "dom" lacks; plus Node's init() and initSync(), which take (and ignore) any argument.
# Usage (from scripts/build.sh, after wasm-bindgen): bash scripts/pkg/types.sh pkg
set -euo pipefail
pkg=${1:-pkg}
dts="$pkg/commit_editor.d.ts"
marker='^export type InitInput = '

grep -q "$marker" "$dts" || { echo "types.sh: no '$marker' in $dts (wasm-bindgen output changed?)" >&2; exit 1; }
if ! head -1 "$dts" | grep -q 'reference lib="esnext.disposable"'; then
  sed -i '1i /// <reference lib="esnext.disposable" />' "$dts"
fi
{
  sed "/$marker/,\$d" "$dts"
  cat <<'TS'
/**
 * Node entry (`node.js`): the module is compiled and instantiated from disk when this entry is
 * imported, so every function works at once, with no fetch. `init()` is kept so the same
 * `await init()` runs in browsers and in Node; here it resolves at once.
 */
export default function init(module_or_path?: unknown): Promise<unknown>;
/** Already done at import in Node; kept (and typed loosely: its input types are DOM types) so code
 *  shared with the browser build type-checks. */
export function initSync(module?: unknown): unknown;
TS
} > "$pkg/node.d.ts"
if grep -nE '\b(RequestInfo|BufferSource|WebAssembly|Response)\b' "$pkg/node.d.ts"; then
  echo "types.sh: $pkg/node.d.ts still names DOM types (above)" >&2
  exit 1
fi
