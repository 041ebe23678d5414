// Command-line options shared by run.mjs and browser/run.mjs.
export const USAGE = `options:
  --sizes 10,100,1000,10000   items per schedule
  --scenarios one-field,churn,none
  --only floor,hand,lib,hand-key,wasm,sess   contenders to run
  --min-ms 200 --min-runs 20 --max-ms 4000 --batch-ms 1 --warmup-ms 100
  --seed 1
  --json FILE                 also write the results as JSON
  --no-wasm                   skip the wasm contenders even when pkg/ exists`;

export function parseArgs(argv, defaults) {
  const o = { ...defaults, json: null, wasm: true };
  const num = { "--min-ms": "minMs", "--min-runs": "minRuns", "--max-ms": "maxMs", "--batch-ms": "batchMs", "--warmup-ms": "warmupMs", "--seed": "seed" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") { console.log(USAGE); process.exit(0); }
    else if (a === "--no-wasm") o.wasm = false;
    else if (a === "--sizes") o.sizes = argv[++i].split(",").map(Number);
    else if (a === "--scenarios") o.scenarios = argv[++i].split(",");
    else if (a === "--only") o.only = argv[++i].split(",");
    else if (a === "--json") o.json = argv[++i];
    else if (a in num) o[num[a]] = Number(argv[++i]);
    else { console.error(`unknown option ${a}\n${USAGE}`); process.exit(2); }
  }
  return o;
}
