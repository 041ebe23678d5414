// Turns a session answer's text (see answer.rs) back into a plan object. `state` keeps what the
// previous answer sent, which the text refers to. Shared parts are frozen: answers share them.

const LISTS = ["add_schedule_items", "update_schedule_items", "remove_schedule_items"];
const SECTIONS = ["access_schedule", "invoice_schedule"];

function freeze(o) {
  Object.freeze(o);
  for (const k in o) {
    const v = o[k];
    if (typeof v === "object" && v !== null) freeze(v);
  }
  return o;
}

export function sessionAnswer(text, state) {
  const all = JSON.parse(text);
  const n = all[0];
  let skeleton = all[1];
  if (skeleton === 0) skeleton = state.payload;
  else state.payload = skeleton === null ? null : freeze(skeleton);
  const before = state.elements;
  const count = all.length - 2;
  const elements = new Array(count);
  for (let i = 0; i < count; i++) {
    const e = all[i + 2];
    if (typeof e === "number") {
      const kept = before[e];
      if (kept === undefined) throw new Error("commit-editor: a session answer refers to an element it never sent");
      elements[i] = kept;
    } else {
      elements[i] = freeze(e);
    }
  }
  state.elements = elements;
  let at = 0;
  const take = (k) => (k === 0 ? [] : elements.slice(at, (at += k)));
  let payload = null;
  if (skeleton !== null) {
    payload = Object.assign({}, skeleton);
    for (let s = 0; s < 2; s++) {
      if (payload[SECTIONS[s]] === undefined) {
        at += n[3 * s] + n[3 * s + 1] + n[3 * s + 2];
        continue;
      }
      const section = (payload[SECTIONS[s]] = {});
      for (let l = 0; l < 3; l++) {
        const k = n[3 * s + l];
        if (k > 0) section[LISTS[l]] = take(k);
      }
    }
  } else {
    at = n[0] + n[1] + n[2] + n[3] + n[4] + n[5];
  }
  const issues = take(n[6]);
  return { payload, issues, changes: take(n[7]) };
}
