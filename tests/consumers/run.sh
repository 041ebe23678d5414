#!/usr/bin/env bash
# Consumer tests: the package as its users install it. Packs pkg/ with `npm pack` into a temp dir,
# copies each consumer project there, installs the tarball into it with `npm install` (its own
# lockfile pins the rest), and runs its `npm test`. The last line is
#   consumers: N passed, M failed
# and the exit status is 1 when any consumer failed (or could not be installed).
#
# Usage: bash tests/consumers/run.sh [consumer...]      (default: every consumer)
#   CONSUMERS_BUILD=1   rebuild pkg/ first (bash scripts/build.sh); built anyway when pkg/ is missing
#   CONSUMERS_KEEP=1    keep the temp dir and print its path (to rerun one by hand: cd there, npm test)
#
# Consumers: node-esm (plain Node ESM), vite-app (Vite build in headless Chromium), ts-strict (strict
# tsc against @metronome/sdk, and a payload sent through the SDK client), schema (fixture payloads
# against Metronome's OpenAPI schemas), publint (publint and @arethetypeswrong/cli on the tarball).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROME_BIN=${CHROME_BIN:-/usr/bin/chromium}
export COMMIT_EDITOR_REPO=$repo
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

all=(node-esm vite-app ts-strict schema publint)
if [ $# -gt 0 ]; then consumers=("$@"); else consumers=("${all[@]}"); fi
for name in "${consumers[@]}"; do
  [ -f "$here/$name/package.json" ] || { echo "run.sh: no consumer '$name' (have: ${all[*]})" >&2; exit 2; }
done

if [ "${CONSUMERS_BUILD:-0}" = 1 ] || [ ! -f "$repo/pkg/package.json" ]; then
  echo "== building pkg/ (bash scripts/build.sh)"
  (cd "$repo" && bash scripts/build.sh) || { echo "run.sh: the build failed" >&2; echo "consumers: 0 passed, ${#consumers[@]} failed"; exit 1; }
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/commit-editor-consumers.XXXXXX")
if [ "${CONSUMERS_KEEP:-0}" = 1 ]; then
  echo "== keeping $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi

echo "== npm pack pkg/"
mkdir -p "$tmp/pack" "$tmp/work"
if ! (cd "$repo/pkg" && npm pack --pack-destination "$tmp/pack" --loglevel=warn); then
  echo "run.sh: npm pack failed" >&2
  echo "consumers: 0 passed, ${#consumers[@]} failed"
  exit 1
fi
tarballs=("$tmp"/pack/*.tgz)
[ ${#tarballs[@]} -eq 1 ] && [ -f "${tarballs[0]}" ] || { echo "run.sh: expected one tarball, got: ${tarballs[*]}" >&2; exit 1; }

# The projects, without anything a local run left behind; each depends on file:../commit-editor.tgz.
tar -C "$here" --exclude=node_modules --exclude=dist --exclude='*.tgz' --exclude='tsconfig.*generated*.json' \
  -cf - . | tar -C "$tmp/work" -xf -
cp "${tarballs[0]}" "$tmp/work/commit-editor.tgz"
export COMMIT_EDITOR_TARBALL="$tmp/work/commit-editor.tgz"

passed=()
failed=()
for name in "${consumers[@]}"; do
  dir="$tmp/work/$name"
  echo
  echo "== consumer $name"
  # The lockfile pins the consumer's own tools; the package itself always comes fresh from the tarball.
  node -e '
    const fs = require("fs"); const f = process.argv[1];
    if (!fs.existsSync(f)) process.exit(0);
    const lock = JSON.parse(fs.readFileSync(f, "utf8"));
    delete (lock.packages || {})["node_modules/commit-editor"];
    fs.writeFileSync(f, JSON.stringify(lock, null, 2));' "$dir/package-lock.json"
  if ! (cd "$dir" && npm install --loglevel=warn); then
    echo "!! consumer $name: npm install failed"
    failed+=("$name")
    continue
  fi
  if (cd "$dir" && npm test); then
    passed+=("$name")
  else
    echo "!! consumer $name: FAILED"
    failed+=("$name")
  fi
done

echo
[ ${#passed[@]} -gt 0 ] && echo "passed: ${passed[*]}"
[ ${#failed[@]} -gt 0 ] && echo "FAILED: ${failed[*]}"
echo "consumers: ${#passed[@]} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
