// Turns a session answer's text (see answer.rs) back into a plan object. `state` keeps what the
// previous answer sent, which the text refers to. Shared parts are frozen: answers share them.

const LISTS = ["add_schedule_items", "update_schedule_items", "remove_schedule_items"];
const SECTIONS = ["access_schedule", "invoice_schedule"];

function freeze(v) {
  if (v !== null && typeof v === "object") {
    Object.freeze(v);
    for (const k in v) freeze(v[k]);
  }
  return v;
}

export function sessionAnswer(text, state) {
  const all = JSON.parse(text);
  const n = all[0];
  let skeleton = all[1];
  if (skeleton === 0) skeleton = state.payload;
  else state.payload = freeze(skeleton);
  const before = state.elements || [];
  const elements = new Array(all.length - 2);
  for (let i = 2; i < all.length; i++) {
    const e = all[i];
    if (typeof e === "number") {
      const kept = before[e];
      if (kept === undefined) throw new Error("commit-editor: a session answer refers to an element it never sent");
      elements[i - 2] = kept;
    } else {
      elements[i - 2] = freeze(e);
    }
  }
  state.elements = elements;
  let at = 0;
  const take = (count) => elements.slice(at, (at += count));
  const payload = skeleton === null ? null : Object.assign({}, skeleton);
  for (let s = 0; s < 2; s++) {
    const section = payload && payload[SECTIONS[s]] ? (payload[SECTIONS[s]] = {}) : null;
    for (let l = 0; l < 3; l++) {
      const list = take(n[3 * s + l]);
      if (section && list.length > 0) section[LISTS[l]] = list;
    }
  }
  return { payload, issues: take(n[6]), changes: take(n[7]) };
}
