// Everything that is timed, with the check that its answer is right. A contender gets a cell (inputs and the
// expected canonical payloads) and returns the function to time.
import { canonical, firstDifference } from "./canonical";
import { floor } from "./floor";
import { planEdit as hand } from "./baseline-handwritten";
import { planEdit as lib } from "./baseline-library";
import { setPointer } from "./pointer";
import type { Keystroke } from "./generate";
import type { Commit, CommitDraft, EditContext, Plan } from "./types";
import type { WasmApi } from "./wasm";

export interface Cell {
  size: number; scenario: string; original: Commit; draft: CommitDraft; context: EditContext; keystroke: Keystroke;
  expected: string; // canonical payload of the draft, from the hand-written baseline
  expectedKeys: [string, string]; // canonical payloads after each keystroke value
}
export interface Prepared { run: () => unknown; check: string; dispose?: () => void }
export interface Contender { id: string; label: string; prepare: (cell: Cell) => Prepared }

export function verdict(plan: Plan | undefined, expected: string): string {
  const got = canonical(plan?.payload ?? null);
  return got === expected ? "ok" : `MISMATCH ${firstDifference(got, expected)}`;
}

const floorC: Contender = { id: "floor", label: "floor: structuredClone both", prepare: (c) => ({ run: () => floor(c.original, c.draft), check: "-" }) };
const handC: Contender = {
  id: "hand", label: "hand-written TS planEdit",
  prepare: (c) => ({ run: () => hand(c.original, c.draft, c.context), check: "ref" }), // gives the expected payloads
};
const libC: Contender = {
  id: "lib", label: "jsondiffpatch + zod planEdit",
  prepare: (c) => ({ run: () => lib(c.original, c.draft, c.context), check: verdict(lib(c.original, c.draft, c.context), c.expected) }),
};
/** What a page without the session does on each keystroke: set the field, re-plan the whole draft. */
const handKeyC: Contender = {
  id: "hand-key", label: "keystroke: set + hand re-plan",
  prepare: (c) => {
    const work = structuredClone(c.draft);
    const { path, values } = c.keystroke;
    let i = 0;
    const step = () => { setPointer(work, path, values[i++ & 1]); return hand(c.original, work, c.context); };
    const check = [verdict(step(), c.expectedKeys[0]), verdict(step(), c.expectedKeys[1])].find((v) => v !== "ok") ?? "ok";
    return { run: step, check };
  },
};

function wasmContenders(w: WasmApi): Contender[] {
  const one: Contender = {
    id: "wasm", label: "wasm planEdit (one-shot)",
    prepare: (c) => ({ run: () => w.planEdit(c.original, c.draft, c.context), check: verdict(w.planEdit(c.original, c.draft, c.context), c.expected) }),
  };
  /** The same, but the module has not seen the original: each call alternates between two spellings of
   *  it (the key order differs, the commit does not), so nothing kept from the last call applies. */
  const cold: Contender = {
    id: "wasm-new", label: "wasm planEdit, new original",
    prepare: (c) => {
      const { id, ...rest } = c.original;
      const spellings = [c.original, { ...rest, id } as Commit];
      let i = 0;
      const step = () => w.planEdit(spellings[i++ & 1], c.draft, c.context);
      const check = [verdict(step(), c.expected), verdict(step(), c.expected)].find((v) => v !== "ok") ?? "ok";
      return { run: step, check };
    },
  };
  if (typeof w.CommitEditor !== "function") return [one, cold];
  const Editor = w.CommitEditor;
  const sess: Contender = {
    id: "sess", label: "keystroke: wasm editor.set",
    prepare: (c) => {
      const editor = new Editor(c.original, c.context);
      if (c.scenario !== "none") editor.replaceDraft(c.draft);
      const { path, values } = c.keystroke;
      let i = 0;
      const step = () => editor.set(path, values[i++ & 1]);
      const check = [verdict(step(), c.expectedKeys[0]), verdict(step(), c.expectedKeys[1])].find((v) => v !== "ok") ?? "ok";
      return { run: step, check, dispose: () => editor.free?.() };
    },
  };
  return [one, cold, sess];
}

export function contenders(w: WasmApi | null): Contender[] {
  return [floorC, handC, libC, handKeyC, ...(w ? wasmContenders(w) : [])];
}
