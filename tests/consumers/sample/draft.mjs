// Turns the sample's edit list into a draft the way a page does: a deep copy of the original,
// edited in place (a new item has no id; a removed item is missing).
export function makeDraft(sample) {
  const draft = structuredClone(sample.original);
  for (const edit of sample.edits) {
    if (edit.op === 'add') {
      draft[`${edit.schedule}_schedule`].schedule_items.push(structuredClone(edit.item));
      continue;
    }
    const keys = edit.path.split('/').slice(1);
    const last = keys.pop();
    const parent = keys.reduce((node, key) => node[key], draft);
    if (edit.op === 'set') parent[last] = edit.value;
    else if (edit.op === 'remove') parent.splice(Number(last), 1);
    else throw new Error(`unknown op ${edit.op}`);
  }
  return draft;
}

// Replays the same edits through a CommitEditor session; returns the last SessionPlan.
export function replay(editor, sample) {
  let plan = editor.plan();
  for (const edit of sample.edits) {
    if (edit.op === 'set') plan = editor.set(edit.path, edit.value);
    else if (edit.op === 'add') plan = editor.addItem(edit.schedule, edit.item);
    else if (edit.op === 'remove') plan = editor.removeItem(edit.path);
    else throw new Error(`unknown op ${edit.op}`);
  }
  return plan;
}
