// The harness plugs in a wasm-shaped API and checks its answers: a fake built from the hand-written baseline must
// pass every check, and one that drops part of the payload must be reported as a mismatch. Timings are not asserted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadBench } from "../lib/build.mjs";

const b = await loadBench();
const QUICK = { ...b.BENCH_DEFAULTS, sizes: [10], minMs: 1, minRuns: 3, maxMs: 50, warmupMs: 1, batchMs: 0.1 };

function fakePackage(plan) {
  class CommitEditor {
    constructor(original, context) { Object.assign(this, { original, context, draft: structuredClone(original) }); }
    replaceDraft(draft) { this.draft = structuredClone(draft); return this.plan(); }
    set(path, value) { b.setPointer(this.draft, path, value); return this.plan(); }
    plan() { return plan(this.original, this.draft, this.context); }
    free() {}
  }
  return { planEdit: plan, CommitEditor, version: () => "fake" };
}

test("a correct wasm-shaped package is timed and passes every check", async () => {
  const { api, notes } = b.adaptWasm({ default: fakePackage(b.planEditHandwritten) });
  assert.ok(api);
  assert.ok(notes.includes("commit-editor version fake"));
  const lines = [];
  const cells = await b.runBench(QUICK, api, (l) => lines.push(l));
  assert.equal(cells.length, 3);
  for (const c of cells) {
    assert.deepEqual(c.rows.map((r) => r.id), ["floor", "hand", "lib", "hand-key", "wasm", "wasm-new", "sess"]);
    for (const r of c.rows) assert.ok(["ok", "ref", "-"].includes(r.check), `${c.scenario} ${r.id}: ${r.check}`);
  }
  assert.match(lines.at(-1), /every answer matched/);
});

test("a package whose payload is wrong is reported, not hidden", async () => {
  const wrong = (o, d, c) => { const p = b.planEditHandwritten(o, d, c); if (p.payload) delete p.payload.access_schedule; return p; };
  const { api } = b.adaptWasm(fakePackage(wrong));
  const lines = [];
  const cells = await b.runBench({ ...QUICK, scenarios: ["one-field"] }, api, (l) => lines.push(l));
  const rows = Object.fromEntries(cells[0].rows.map((r) => [r.id, r.check]));
  assert.match(rows.wasm, /^MISMATCH/);
  assert.match(rows["wasm-new"], /^MISMATCH/);
  assert.match(rows.sess, /^MISMATCH/);
  assert.match(lines.at(-1), /checks failed: 10\/one-field wasm, 10\/one-field wasm-new, 10\/one-field sess/);
});

test("a package without planEdit is skipped with a note", () => {
  const { api, notes } = b.adaptWasm({ version: () => "x" });
  assert.equal(api, null);
  assert.match(notes[0], /no planEdit/);
});
