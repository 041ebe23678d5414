// Both baselines must produce the same edit payload (canonicalised) for every scenario, and the hand-written one
// must produce a payload written out by hand for a small known case. Run: node --test test/  (in bench/)
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadBench } from "../lib/build.mjs";

const b = await loadBench();
const codes = (plan) => plan.issues.map((i) => `${i.severity} ${i.code} ${i.path}`).sort();

for (const n of [10, 100]) {
  const { original, context } = b.makeCommit(n, 1);
  for (const scenario of b.SCENARIOS) {
    test(`${n} items, ${scenario}: both baselines give the same payload and issues`, () => {
      const { draft } = b.makeDraft(original, scenario, 1);
      const before = JSON.stringify([original, draft]);
      const hand = b.planEditHandwritten(original, draft, context);
      const lib = b.planEditLibrary(original, draft, context);
      assert.equal(b.canonical(lib.payload), b.canonical(hand.payload));
      assert.deepEqual(codes(lib), codes(hand));
      assert.equal(hand.payload === null, scenario === "none", "only the unchanged draft has a null payload");
      assert.equal(JSON.stringify([original, draft]), before, "inputs are not mutated");
    });
  }
  test(`${n} items: the keystroke values change the plan as expected`, () => {
    const { draft, keystroke } = b.makeDraft(original, "none", 1);
    b.setPointer(draft, keystroke.path, keystroke.values[0]);
    const plan = b.planEditHandwritten(original, draft, context);
    const upd = plan.payload.access_schedule.update_schedule_items;
    assert.equal(upd.length, 1);
    assert.equal(upd[0].amount, Number(keystroke.values[0]));
  });
}

const USD = { id: "2714e483-4ff1-48e4-9e25-ac732e8f24f2", name: "USD (cents)" };
const A = (k) => `a0000000-0000-4000-8000-00000000000${k}`;
const B = (k) => `b0000000-0000-4000-8000-00000000000${k}`;
const known = () => ({
  original: {
    id: "6c3e1a2b-8f4d-4c1e-9a7b-1d2e3f4a5b6c", type: "PREPAID",
    product: { id: "0f1e2d3c-4b5a-4968-8776-655443322110", name: "Prepaid credits" },
    created_at: "2024-12-01T10:00:00.000Z", name: "2025 commit", priority: 100,
    access_schedule: { credit_type: USD, schedule_items: [
      { id: A(1), amount: 100000, starting_at: "2025-01-01T00:00:00.000Z", ending_before: "2025-02-01T00:00:00.000Z" },
      { id: A(2), amount: 100000, starting_at: "2025-02-01T00:00:00.000Z", ending_before: "2025-03-01T00:00:00.000Z" },
      { id: A(3), amount: 100000, starting_at: "2025-03-01T00:00:00.000Z", ending_before: "2025-04-01T00:00:00.000Z" },
    ] },
    invoice_schedule: { credit_type: USD, schedule_items: [
      { id: B(1), amount: 150000, unit_price: 50000, quantity: 3, timestamp: "2025-01-01T00:00:00.000Z", invoice_id: "c0000000-0000-4000-8000-000000000001" },
      { id: B(2), amount: 150000, unit_price: 150000, quantity: 1, timestamp: "2025-03-01T00:00:00.000Z", invoice_id: null },
    ] },
  },
  context: { customer_id: "d0000000-0000-4000-8000-000000000001", invoice_statuses: { "c0000000-0000-4000-8000-000000000001": "DRAFT" }, now: "2024-12-15T00:00:00Z" },
});

function knownDraft(original) {
  const d = structuredClone(original);
  d.name = "2025 commit (renamed)";
  d.priority = "100"; // same number, as a form holds it: not a change
  const acc = d.access_schedule.schedule_items, inv = d.invoice_schedule.schedule_items;
  acc[0].starting_at = "2025-01-01T01:00:00+01:00"; // same instant: not a change
  acc[1].amount = " 125000.50 ";
  acc.splice(2, 1);
  acc.push({ amount: "90000", starting_at: "2025-03-01T00:00:00Z", ending_before: "2025-05-01T00:00:00Z" });
  Object.assign(inv[0], { quantity: "4", amount: 200000 }); // quantity and unit_price travel together (R6)
  inv[1] = { id: B(2), timestamp: "2025-04-01T00:00:00Z", amount: 150000 }; // moved; same price by amount
  inv.push({ timestamp: "2025-05-01T00:00:00Z", amount: "90000" });
  return d;
}

const EXPECTED = {
  customer_id: "d0000000-0000-4000-8000-000000000001",
  commit_id: "6c3e1a2b-8f4d-4c1e-9a7b-1d2e3f4a5b6c",
  name: "2025 commit (renamed)",
  access_schedule: {
    add_schedule_items: [{ amount: 90000, starting_at: "2025-03-01T00:00:00Z", ending_before: "2025-05-01T00:00:00Z" }],
    update_schedule_items: [{ id: A(2), amount: 125000.5 }],
    remove_schedule_items: [{ id: A(3) }],
  },
  invoice_schedule: {
    add_schedule_items: [{ timestamp: "2025-05-01T00:00:00Z", amount: 90000 }],
    update_schedule_items: [{ id: B(1), quantity: 4, unit_price: 50000 }, { id: B(2), timestamp: "2025-04-01T00:00:00Z" }],
  },
};

test("a known edit gives the payload written by hand, from both baselines", () => {
  const { original, context } = known();
  const draft = knownDraft(original);
  for (const plan of [b.planEditHandwritten(original, draft, context), b.planEditLibrary(original, draft, context)]) {
    assert.deepEqual(plan.payload, EXPECTED);
    assert.deepEqual(plan.issues, []);
  }
});

const errorCases = {
  "update of an item on a FINALIZED invoice": (d, ctx) => { ctx.invoice_statuses[d.invoice_schedule.schedule_items[0].invoice_id] = "FINALIZED"; d.invoice_schedule.schedule_items[0].timestamp = "2025-01-02T00:00:00Z"; return "invoice_finalized"; },
  "removal of an item on a VOID invoice": (d, ctx) => { ctx.invoice_statuses[d.invoice_schedule.schedule_items[0].invoice_id] = "VOID"; d.invoice_schedule.schedule_items.shift(); return "invoice_void_remove"; },
  "duplicate id": (d) => { d.access_schedule.schedule_items.push({ ...d.access_schedule.schedule_items[0], starting_at: "2025-06-01T00:00:00Z", ending_before: "2025-07-01T00:00:00Z" }); return "duplicate_id"; },
  "unknown id": (d) => { d.access_schedule.schedule_items[0].id = "e0000000-0000-4000-8000-000000000009"; return "unknown_id"; },
  "amount disagrees with quantity × unit_price": (d) => { d.invoice_schedule.schedule_items[0].amount = 149999; d.invoice_schedule.schedule_items[0].quantity = 2; return "invoice_amount_mismatch"; },
  "access timestamp not on the hour": (d) => { d.access_schedule.schedule_items[0].ending_before = "2025-02-01T00:30:00Z"; return "access_not_on_hour"; },
  "ending_before before starting_at": (d) => { d.access_schedule.schedule_items[0].ending_before = "2024-12-01T00:00:00Z"; return "access_range_empty"; },
  "timestamp without an offset": (d) => { d.access_schedule.schedule_items[0].starting_at = "2025-01-01T00:00:00"; return "invalid_timestamp"; },
  "negative amount": (d) => { d.access_schedule.schedule_items[0].amount = "-5"; return "negative_amount"; },
  "unreadable number": (d) => { d.access_schedule.schedule_items[0].amount = "abc"; return "invalid_number"; },
  "POSTPAID with two access segments": (d, ctx, o) => { o.type = d.type = "POSTPAID"; d.access_schedule.schedule_items[0].amount = 5; return "postpaid_items"; },
};
for (const [name, edit] of Object.entries(errorCases)) {
  test(`error case, both baselines refuse: ${name}`, () => {
    const { original, context } = known();
    const draft = structuredClone(original);
    const code = edit(draft, context, original);
    for (const plan of [b.planEditHandwritten(original, draft, context), b.planEditLibrary(original, draft, context)]) {
      assert.equal(plan.payload, null);
      assert.ok(plan.issues.some((i) => i.code === code && i.severity === "error"), `${code} in ${JSON.stringify(plan.issues)}`);
    }
  });
}

test("canonical form ignores list order and instant spelling", () => {
  const p = { customer_id: "c", commit_id: "x", access_schedule: { update_schedule_items: [{ id: "2", starting_at: "2025-01-01T01:00:00+01:00" }, { id: "1", amount: "5" }] } };
  const q = { commit_id: "x", customer_id: "c", access_schedule: { update_schedule_items: [{ id: "1", amount: 5 }, { id: "2", starting_at: "2025-01-01T00:00:00.000Z" }] } };
  assert.equal(b.canonical(p), b.canonical(q));
});
