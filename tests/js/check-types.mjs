// Strict tsc over the generated declarations and a file that uses every export as documented.
// Also proves the check has teeth: a file with a deliberate type error must fail.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./types/', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
let passed = 0, failed = 0;

function tscRun(project) {
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'pipe' });
    return { ok: true, out: '' };
  } catch (e) {
    return { ok: false, out: String(e.stdout) + String(e.stderr) };
  }
}

const good = tscRun(dir + 'tsconfig.json');
if (good.ok) { passed++; console.log('ok: generated declarations and usage.ts compile under --strict'); }
else { failed++; console.log('FAIL: strict tsc\n' + good.out); }

const bad = tscRun(dir + 'tsconfig.wrong.json');
if (!bad.ok && bad.out.includes('wrong.ts')) { passed++; console.log('ok: wrong.ts is rejected, as it must be'); }
else { failed++; console.log('FAIL: wrong.ts compiled; the type check has no teeth\n' + bad.out); }

console.log(`types: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
