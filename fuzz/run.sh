#!/usr/bin/env bash
# Builds and runs the fuzz driver: N seeded inputs (default 20000), each fed to every public
# function of commit-editor and to an editing session. Prints progress and ends with
# `fuzz: N passed, M failed`; exits non-zero on any panic, hang (a call over 1 s of CPU),
# crash or broken answer, with the failing input saved in fuzz/artifacts/.
#
#   bash fuzz/run.sh              # 20,000 inputs (the short run of scripts/test.sh)
#   bash fuzz/run.sh 1000000      # the long run: a million inputs (see fuzz/README.md for timings)
#   bash fuzz/run.sh 1000000 7    # another seed
#   FUZZ_THREADS=1 bash fuzz/run.sh 5000
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$HOME/.cargo/bin:$PATH"

n=${1:-20000}
seed=${2:-1}
threads=${FUZZ_THREADS:-$(nproc 2>/dev/null || echo 2)}

# Offline when every dependency is already in the local cargo cache (they are the root's).
offline=()
if cargo fetch --offline --quiet >/dev/null 2>&1; then offline=(--offline); fi
cargo build --release --quiet "${offline[@]}"
exec ./target/release/commit-editor-fuzz "$n" "$seed" --threads "$threads"
