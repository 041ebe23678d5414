// Compiles src/ with strict tsc (skipLibCheck off) under bundler and nodenext resolution: the fit
// checks against @metronome/sdk, and the run-time tests into dist/ (run next by `npm test`). Then a
// plain browser app's and a plain Node project's lib settings, and proves the checks have teeth:
// wrong/ must fail with exactly the expected errors. The files for planCreate/planEndDate and their
// payload types join in when the installed .d.ts has them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = `${root}node_modules/typescript/bin/tsc`;
const manifest = JSON.parse(readFileSync(`${root}node_modules/commit-editor/package.json`, 'utf8'));
const dts = readFileSync(`${root}node_modules/commit-editor/${manifest.types}`, 'utf8');

const optional = [
  { file: 'src/fit-create.ts', name: 'CommitCreatePayload', needs: /export (interface|type) CommitCreatePayload\b/ },
  { file: 'src/fit-end-date.ts', name: 'UpdateEndDatePayload', needs: /export (interface|type) UpdateEndDatePayload\b/ },
  { file: 'src/plan-create.ts', name: 'planCreate', needs: /export function planCreate\(/ },
  { file: 'src/plan-end-date.ts', name: 'planEndDate', needs: /export function planEndDate\(/ },
  { file: 'src/plan-send.test.ts', name: 'planCreate and planEndDate', needs: /export function planCreate\([\s\S]*export function planEndDate\(|export function planEndDate\([\s\S]*export function planCreate\(/ },
];
const absent = optional.filter((o) => !o.needs.test(dts)).map((o) => o.file);

function run(args) {
  const r = spawnSync(process.execPath, [tsc, '--pretty', 'false', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// Compiles a config, leaving out the optional files whose API the installed package lacks.
function compile(config) {
  if (absent.length === 0) return run(['-p', config]);
  const base = JSON.parse(readFileSync(`${root}${config}`, 'utf8'));
  const generated = config.replace(/\.json$/, '.generated.json');
  writeFileSync(`${root}${generated}`, JSON.stringify({ extends: `./${config}`, exclude: [...(base.exclude ?? []), ...absent] }, null, 2));
  try {
    assert.ok(base.include, `${config} has no include`);
    return run(['-p', generated]);
  } finally {
    rmSync(`${root}${generated}`);
  }
}

for (const o of optional) {
  const skip = absent.includes(o.file) ? `the package's .d.ts has no ${o.name} yet` : false;
  test(`${o.name} is in the .d.ts, so ${o.file} is compiled`, { skip }, () => {});
}

test('SDK fit, strict tsc, moduleResolution bundler: compiles', () => {
  const { status, out } = compile('tsconfig.json');
  assert.equal(status, 0, out);
});

test('SDK fit + run-time test, strict tsc, moduleResolution nodenext: compiles and emits dist/', () => {
  rmSync(`${root}dist`, { recursive: true, force: true });
  const { status, out } = compile('tsconfig.nodenext.json');
  assert.equal(status, 0, out);
});

test('a browser app (lib ES2022 + DOM, skipLibCheck off) compiles against the .d.ts', () => {
  const { status, out } = run(['-p', 'tsconfig.browser-app.json']);
  assert.equal(status, 0, out);
});

test('a Node project (lib ES2022 + @types/node, no DOM, skipLibCheck off) compiles against the .d.ts', () => {
  const { status, out } = run(['-p', 'tsconfig.node-app.json']);
  assert.equal(status, 0, out);
});

test('a deliberately wrong payload type fails tsc with exactly the expected errors', () => {
  const source = readFileSync(`${root}wrong/wrong-payload.ts`, 'utf8').split('\n');
  const expected = new Map(); // line -> marker
  source.forEach((line, i) => {
    const m = line.match(/\/\/ (WRONG-\d+)$/);
    if (m) expected.set(i + 1, m[1]);
  });
  assert.equal(expected.size, 4);
  const { status, out } = run(['-p', 'wrong/tsconfig.json']);
  assert.notEqual(status, 0, `tsc accepted the wrong payloads:\n${out}`);
  // One entry per error: the first line and the indented lines that explain it.
  const errors = out.split(/\n(?=\S)/).map((block) => block.match(/^(.+?)\((\d+),\d+\): error (TS\d+): ([\s\S]*)$/))
    .filter(Boolean)
    .map((m) => ({ file: m[1], line: Number(m[2]), code: m[3], text: m[4] }));
  assert.ok(errors.length > 0, `no parsable errors in:\n${out}`);
  const inWrong = errors.filter((e) => /(^|\/)wrong\/wrong-payload\.ts$/.test(e.file));
  for (const e of inWrong) assert.ok(expected.has(e.line), `unexpected error on line ${e.line}:\n${out}`);
  const byMarker = Object.fromEntries(inWrong.map((e) => [expected.get(e.line), e]));
  assert.deepStrictEqual(Object.keys(byMarker).sort(), ['WRONG-1', 'WRONG-2', 'WRONG-3', 'WRONG-4'], out);
  const expectations = {
    'WRONG-1': ['TS2322', /Type '"commit_rate"' is not assignable/],
    'WRONG-2': ['TS2322', /Types of property 'amount' are incompatible[\s\S]*Type 'string' is not assignable to type 'number'/],
    'WRONG-3': ['TS2322', /Types of property 'commit_id' are incompatible/],
    'WRONG-4': ['TS2344', /Type 'false' does not satisfy the constraint 'true'/],
  };
  for (const [marker, [code, pattern]] of Object.entries(expectations)) {
    assert.equal(byMarker[marker].code, code, `${marker}:\n${byMarker[marker].text}`);
    assert.match(byMarker[marker].text, pattern, marker);
  }
});
