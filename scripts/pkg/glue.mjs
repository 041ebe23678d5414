// Post-processes wasm-bindgen's glue (scripts/build.sh, before minifying) so that a freed
// CommitEditor keeps the package's error contract:
//  1. free() is idempotent: a second free(), or `using` after an explicit free(), does nothing
//     (wasm-bindgen's glue passes a null pointer on, and Rust answers a bare Error).
//  2. Any other call on a freed editor throws a CommitEditorError with code `freed` (it threw a
//     bare Error "null pointer passed to rust", with no name, code or path).
// Each pattern must be found, so a wasm-bindgen upgrade that changes the glue fails the build.
// Usage: node scripts/pkg/glue.mjs pkg.next/commit_editor.js
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
let glue = readFileSync(file, 'utf8');

function replace(pattern, by, what) {
  const next = glue.replace(pattern, by);
  if (next === glue) {
    console.error(`glue.mjs: ${what} not found in ${file} (wasm-bindgen output changed?)`);
    process.exit(1);
  }
  glue = next;
}

replace(
  /free\(\) \{\n(\s*)const ptr = this\.__destroy_into_raw\(\);\n/,
  (all, indent) => `${all}${indent}if (ptr === 0) return;\n`,
  'CommitEditor.free',
);
replace(/wasm\.commiteditor_(\w+)\(this\.__wbg_ptr\b/g, 'wasm.commiteditor_$1(liveEditor(this)', 'method calls');
if (/\(this\.__wbg_ptr[,)]/.test(glue)) {
  console.error('glue.mjs: a call still passes this.__wbg_ptr unchecked');
  process.exit(1);
}
glue += `
function liveEditor(editor) {
    const ptr = editor.__wbg_ptr;
    if (ptr) return ptr;
    const e = new Error('this CommitEditor was freed (free(), or the end of its using block) and cannot be used');
    e.name = 'CommitEditorError';
    e.code = 'freed';
    e.argument = 'this';
    e.path = '';
    throw e;
}
`;
writeFileSync(file, glue);
