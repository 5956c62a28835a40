#!/usr/bin/env bash
# Synthetic lending world: Credo generates 1,000,000 applications (scaled by BENCH_SCALE) and writes them
# as CSV; the peer is bench/peer-synth.py (numpy + pandas.to_csv, 31 simpler columns) at the same
# row count. Prints both JSON lines, then the whole `credo data synth` process time, then a final line
# with the ratio (peer seconds / credo seconds; > 1 means Credo is faster), the same ratio of CPU seconds (user +
# system, steadier on a busy machine) and, at 1M rows, whether the whole Credo process took < 10 s.
# Needs a build (npm run build, or CREDO_DIST=.build/<dir> for a private one).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
ROWS=$(/usr/bin/python3 -c "import sys; print(max(1000, int(1000000 * float(sys.argv[1]))))" "${BENCH_SCALE:-1}")
mkdir -p bench/out
CREDO=$(node "$DIST/bench/synth.js" "$ROWS" 42 "bench/out/synth-world-$ROWS.csv")
PEER=$(/usr/bin/python3 - "$ROWS" <<'PY'
import json, os, resource, subprocess, sys, time
rows = int(sys.argv[1]); out = f'bench/out/synth-peer-{rows}.csv'
t = time.perf_counter()
subprocess.run(['/usr/bin/python3', 'bench/peer-synth.py', str(rows), '42', out], check=True, stdout=subprocess.DEVNULL)
seconds = round(time.perf_counter() - t, 3)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps(dict(peer='peer-synth.py', rows=rows, columns=31, seconds=seconds, cpu_seconds=round(u.ru_utime + u.ru_stime, 3), mb=round(os.path.getsize(out) / 1e6, 3))))
PY
)
CLI=$(/usr/bin/python3 - "$ROWS" "$DIST" <<'PY'
import json, resource, subprocess, sys, time
rows, dist = sys.argv[1], sys.argv[2]
t = time.perf_counter()
subprocess.run(['node', f'{dist}/src/cli/main.js', 'data', 'synth', '--rows', rows, '--seed', '42', '--out', f'bench/out/synth-cli-{rows}.csv', '--json'], check=True, stdout=subprocess.DEVNULL)
seconds = round(time.perf_counter() - t, 3)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps(dict(credo='credo data synth (whole process)', rows=int(rows), seconds=seconds, cpu_seconds=round(u.ru_utime + u.ru_stime, 3))))
PY
)
echo "$CREDO"
echo "$PEER"
echo "$CLI"
node -e '
const [c, p, cli] = process.argv.slice(1).map((l) => JSON.parse(l));
console.log(JSON.stringify({ bench: "synth", rows: c.rows, credo_seconds: c.seconds, credo_process_seconds: cli.seconds, peer_seconds: p.seconds,
  ratio: Math.round((p.seconds / c.seconds) * 100) / 100, credo_process_cpu_seconds: cli.cpu_seconds, peer_cpu_seconds: p.cpu_seconds,
  cpu_ratio: Math.round((p.cpu_seconds / cli.cpu_seconds) * 100) / 100, credo_mb: c.mb, peer_mb: p.mb, under_10s_at_1m: c.rows >= 1e6 ? cli.seconds < 10 : null }));
' "$CREDO" "$PEER" "$CLI"
