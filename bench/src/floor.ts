// The floor: copying both inputs once, which any design that sends the whole commit across a boundary pays.
import type { Commit, CommitDraft } from "./types";

export function floor(original: Commit, draft: CommitDraft): [Commit, CommitDraft] {
  return [structuredClone(original), structuredClone(draft)];
}
