// Node entry: loads the module from disk synchronously at import, so no fetch and no await.
import { readFileSync } from 'node:fs';
import { initSync } from './commit_editor.js';

const exports = initSync({ module: readFileSync(new URL('./commit_editor_bg.wasm', import.meta.url)) });

export * from './commit_editor.js';

/** Already initialised in Node; kept so the same `await init()` works everywhere. */
export default async function init(_moduleOrPath) {
  return exports;
}
