// One benchmark run, the same in Node and in Chromium: for each size and scenario, build the inputs, check every
// contender's answer, time it, and print the cell's table; then the summary.
import { canonical } from "./canonical";
import { contenders, type Cell } from "./contenders";
import { makeCommit, makeDraft, SCENARIOS, SIZES, type Scenario } from "./generate";
import { measure, DEFAULTS, type MeasureOptions } from "./harness";
import { planEdit as hand } from "./baseline-handwritten";
import { setPointer } from "./pointer";
import { cellTable, summaryTable, type CellResult, type Row } from "./table";
import type { WasmApi } from "./wasm";

export interface BenchOptions extends MeasureOptions { sizes: number[]; scenarios: Scenario[]; only: string[] | null; seed: number }
export const BENCH_DEFAULTS: BenchOptions = { ...DEFAULTS, sizes: [...SIZES], scenarios: [...SCENARIOS], only: null, seed: 1 };

const tick = () => new Promise((r) => setTimeout(r, 0)); // lets a page flush its console between measurements

export async function runBench(o: BenchOptions, wasm: WasmApi | null, log: (line: string) => void): Promise<CellResult[]> {
  const list = contenders(wasm).filter((c) => o.only === null || o.only.includes(c.id));
  const cells: CellResult[] = [];
  for (const size of o.sizes) {
    const { original, context } = makeCommit(size, o.seed);
    for (const scenario of o.scenarios) {
      const cell = makeCell(size, scenario, original, context, o.seed);
      const rows: Row[] = [];
      for (const c of list) {
        await tick();
        let prepared;
        try { prepared = c.prepare(cell); } catch (e) { rows.push(failed(c.id, c.label, e)); continue; }
        try {
          const m = measure(prepared.run, o);
          rows.push({ id: c.id, label: c.label, ...m, check: prepared.check });
        } catch (e) { rows.push(failed(c.id, c.label, e)); }
        finally { prepared.dispose?.(); }
      }
      const result = { size, scenario, note: describe(cell), rows };
      cells.push(result);
      log(cellTable(result));
    }
  }
  log(summaryTable(cells));
  return cells;
}

function makeCell(size: number, scenario: Scenario, original: Cell["original"], context: Cell["context"], seed: number): Cell {
  const { draft, keystroke } = makeDraft(original, scenario, seed);
  const after = (v: string) => { const d = structuredClone(draft); setPointer(d, keystroke.path, v); return canonical(hand(original, d, context).payload); };
  return {
    size, scenario, original, draft, context, keystroke,
    expected: canonical(hand(original, draft, context).payload),
    expectedKeys: [after(keystroke.values[0]), after(keystroke.values[1])],
  };
}

function describe(c: Cell): string {
  const plan = hand(c.original, c.draft, c.context);
  const count = (k: string) => ["access_schedule", "invoice_schedule"].reduce((n, s) => n + ((plan.payload?.[s] as any)?.[k]?.length ?? 0), 0);
  const errors = plan.issues.filter((i) => i.severity === "error").length;
  return `payload: ${count("update_schedule_items")} updates, ${count("add_schedule_items")} adds, ${count("remove_schedule_items")} removes`
    + ` · issues: ${errors} errors, ${plan.issues.length - errors} warnings · keystroke ${c.keystroke.path}`;
}

function failed(id: string, label: string, e: unknown): Row {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { id, label, us: NaN, p25: NaN, p75: NaN, runs: 0, batch: 0, check: `ERROR ${msg.slice(0, 200)}` };
}
