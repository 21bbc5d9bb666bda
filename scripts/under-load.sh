#!/usr/bin/env bash
# `npm run test:under-load [-- RUNS]`: `npm test` while a CPU hog holds every core, RUNS times in a
# row (1 by default), to prove the tests wait on conditions rather than on a quiet machine. The hog is
# one busy Node process per core (OV_HOGS=N for another count), started here and always stopped on
# exit, whatever ends the script.
set -uo pipefail
cd "$(dirname "$0")/.."

runs="${1:-1}"
hogs="${OV_HOGS:-$(nproc)}"
pids=()

stop_hogs() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap stop_hogs EXIT
trap 'exit 130' INT TERM

for ((i = 0; i < hogs; i++)); do
  node -e 'for (;;) {}' &
  pids+=("$!")
done
echo "under load: $hogs busy processes (pids ${pids[*]}) on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

failed=0
results=()
for ((run = 1; run <= runs; run++)); do
  started=$(date +%s)
  if npm test; then outcome=passed; else outcome=FAILED; failed=$((failed + 1)); fi
  results+=("run $run of $runs: $outcome in $(($(date +%s) - started)) s, load average $(cut -d' ' -f1-3 /proc/loadavg)")
  echo "${results[-1]}"
done

echo "npm test under load:"
printf '  %s\n' "${results[@]}"
exit $((failed > 0))
