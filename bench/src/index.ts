// Everything the Node scripts and tests use, bundled once by lib/build.mjs.
export { makeCommit, makeDraft, SIZES, SCENARIOS } from "./generate";
export { planEdit as planEditHandwritten } from "./baseline-handwritten";
export { planEdit as planEditLibrary } from "./baseline-library";
export { floor } from "./floor";
export { canonical, firstDifference } from "./canonical";
export { setPointer } from "./pointer";
export { runBench, BENCH_DEFAULTS } from "./bench";
export { adaptWasm } from "./wasm";
