// The packed tarball (COMMIT_EDITOR_TARBALL, else ../commit-editor.tgz) as npm would publish it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tarball = resolve(process.env.COMMIT_EDITOR_TARBALL ?? join(root, '../commit-editor.tgz'));

function run(bin, args) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', bin), ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('the tarball exists', () => assert.ok(existsSync(tarball), `no tarball at ${tarball}`));

test('publint --strict, every level down to suggestions: nothing to report', () => {
  const { status, out } = run('publint/src/cli.js', ['run', tarball, '--strict', '--level', 'suggestion']);
  assert.equal(status, 0, out);
  assert.match(out, /All good!/, out);
});

// Profile esm-only: the package is ESM only (Node 20.19+ can still require() it, see node-esm).
// The wasm file is exported as an asset, for `new URL(..., import.meta.url)` or a bundler's `?url`
// import; it is not a module with types, so it is not an entry point to check.
test('@arethetypeswrong/cli (esm-only profile, offline): no problems', () => {
  const { status, out } = run('@arethetypeswrong/cli/dist/index.js', [
    tarball, '--profile', 'esm-only', '--no-definitely-typed',
    '--exclude-entrypoints', './commit_editor_bg.wasm', '--format', 'json',
  ]);
  assert.equal(status, 0, out);
  const report = JSON.parse(out);
  const ignored = new Set(['node10', 'node16-cjs']);
  const problems = (report.analysis?.problems ?? []).filter((p) => !p.resolutionKind || !ignored.has(p.resolutionKind));
  assert.deepStrictEqual(problems, [], out);
});

test('the tarball holds exactly the published files, and its manifest is ESM with an exports map', () => {
  const dir = mkdtempSync(join(tmpdir(), 'commit-editor-tgz-'));
  try {
    const r = spawnSync('tar', ['xzf', tarball, '-C', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const base = join(dir, 'package');
    const files = (function walk(d) {
      return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [relative(base, join(d, f))]));
    })(base).sort();
    const manifest = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8'));
    for (const f of ['package.json', 'commit_editor.js', 'commit_editor.d.ts', 'commit_editor_bg.wasm', 'node.js']) {
      assert.ok(files.includes(f), `${f} missing from ${files}`);
    }
    for (const f of files) {
      assert.doesNotMatch(f, /(^|\/)(\.gitignore|.*\.tgz|node_modules\/.*|target\/.*)$/, `stray file ${f}`);
    }
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.name, 'commit-editor');
    assert.ok(manifest.exports?.['.'], 'no exports["."]');
    assert.ok(manifest.types && files.includes(manifest.types.replace(/^\.\//, '')), 'types missing');
    assert.ok(Array.isArray(manifest.sideEffects) || manifest.sideEffects === false, 'sideEffects not declared');
    const wasm = statSync(join(base, 'commit_editor_bg.wasm')).size;
    assert.ok(wasm > 1000, `wasm is ${wasm} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
