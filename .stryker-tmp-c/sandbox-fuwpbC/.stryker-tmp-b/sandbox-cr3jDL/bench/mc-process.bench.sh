#!/usr/bin/env bash
# Monte Carlo, whole processes: `credo simulate --portfolio F --scenarios 2000 --seed 1 --json` against
# `python3 bench/peer-mc.py run F 2000 1 0.15` on the same 100,000-loan file (BENCH_SCALE scales the loans),
# each a fresh process timed from outside: start-up, imports, reading the file and the simulation included.
# BENCH_REPEAT interleaved pairs (default 3). Prints one JSON line per pair and a summary with the medians of the
# pairwise ratios peer / credo (target ≥ 5) on wall time and on CPU time (user + system, less sensitive to a
# loaded machine), and the one-minute load average before and after.
# Needs a build (npm run build, or CREDO_DIST=.build/<dir>) and Debian's python3-numpy python3-pandas
# python3-scipy (apt-get install python3-pandas python3-scipy).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
REPEAT="${BENCH_REPEAT:-3}"
LOANS=$(/usr/bin/python3 -c "import sys; print(max(1000, int(100000 * float(sys.argv[1]))))" "${BENCH_SCALE:-1}")
mkdir -p bench/out
FILE="bench/out/mc-$LOANS.csv"
[ -s "$FILE" ] || /usr/bin/python3 bench/peer-mc.py gen "$LOANS" 1 "$FILE"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
# "wall cpu" seconds of one command, from outside the process
measure() {
  /usr/bin/time -o "$TIMES" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$TIMES"
}
LINES=()
for run in $(seq "$REPEAT"); do
  read -r PW PC < <(measure /usr/bin/python3 bench/peer-mc.py run "$FILE" 2000 1 0.15)
  read -r CW CC < <(measure node "$DIST/src/cli/main.js" simulate --portfolio "$FILE" --scenarios 2000 --seed 1 --rho 0.15 --json)
  LINE="{\"bench\":\"mc-process-run\",\"run\":$run,\"peer_wall\":$PW,\"peer_cpu\":$PC,\"credo_wall\":$CW,\"credo_cpu\":$CC}"
  echo "$LINE"
  LINES+=("$LINE")
done
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)
node -e '
const [loans, before, after, ...lines] = process.argv.slice(1);
const runs = lines.map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const r = (x) => Math.round(x * 100) / 100;
const wall = median(runs.map((x) => x.peer_wall / x.credo_wall));
const cpu = median(runs.map((x) => x.peer_cpu / x.credo_cpu));
console.log(JSON.stringify({ bench: "mc-process", loans: Number(loans), scenarios: 2000, runs: runs.length, ratio: r(wall), target: 5, met: wall >= 5,
  cpu_ratio: r(cpu), peer_wall: r(median(runs.map((x) => x.peer_wall))), credo_wall: r(median(runs.map((x) => x.credo_wall))),
  peer_cpu: r(median(runs.map((x) => x.peer_cpu))), credo_cpu: r(median(runs.map((x) => x.credo_cpu))), load_before: Number(before), load_after: Number(after) }));
' "$LOANS" "$LOAD_BEFORE" "$LOAD_AFTER" "${LINES[@]}"
