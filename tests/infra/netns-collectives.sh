#!/usr/bin/env bash
# Multi-host all-reduce on one machine: 3 network namespaces (tests/infra/netns-hosts.sh), one rank per namespace,
# each host's egress shaped to $RATE (200mbit). Runs the plain C MPI_Allreduce loop (native/mpi/allreduce_ref.c) and
# AiBench's net.allreduce with Open MPI's ring all-reduce, then AiBench with Open MPI's default algorithm choice, and
# prints busbw against the shaped rate. Needs root, iproute2, Open MPI and a built tree (dotnet build) or $AIBENCH.
#
#   tests/infra/netns-collectives.sh                 # results under ./netns-results
#   AIBENCH=./publish/aibench RATE=400mbit tests/infra/netns-collectives.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RATE="${RATE:-200mbit}"
RESULTS="${RESULTS:-./netns-results}"
REF="${REF:-$ROOT/build/native/allreduce_ref}"
if [[ -z "${AIBENCH:-}" ]]; then
    AIBENCH="dotnet $ROOT/src/AiBench.Cli/bin/Debug/net10.0/aibench.dll"
fi
mkdir -p "$RESULTS"
RESULTS="$(cd "$RESULTS" && pwd)"

"$ROOT/tests/infra/netns-hosts.sh" up
trap '"$ROOT/tests/infra/netns-hosts.sh" down' EXIT

MPIRUN=(mpirun --allow-run-as-root -np 3 --host 10.77.0.1,10.77.0.2,10.77.0.3
    --mca plm_rsh_agent "$ROOT/tests/infra/netns-hosts.sh agent"
    --mca btl tcp,self --mca btl_tcp_if_include 10.77.0.0/24 --mca oob_tcp_if_include 10.77.0.0/24)
RING=(--mca coll_tuned_use_dynamic_rules 1 --mca coll_tuned_allreduce_algorithm 4)

echo "== plain C MPI_Allreduce loop, ring, 32 MiB"
(cd "$RESULTS" && "${MPIRUN[@]}" "${RING[@]}" "$REF" 33554432 3 1 3) | tee "$RESULTS/ref-ring.txt"

# link-rate: a veth reports 10 Gbit/s in sysfs; the shaper is the real limit.
ARGS=(run net.allreduce --set minbytes=16MiB --set maxbytes=32MiB --set inplace=false --set iterations=3
      --set warmup=1 --set link-rate="$RATE" --set timeout=120s --min-samples 3 --max-samples 3 --budget 600s)
echo "== AiBench net.allreduce, ring"
(cd "$RESULTS" && "${MPIRUN[@]}" "${RING[@]}" $AIBENCH "${ARGS[@]}" --out "$RESULTS/ring" 2>&1) \
    | grep -E '^#|^ +[0-9]' | tee "$RESULTS/aibench-ring.txt"
echo "== AiBench net.allreduce, Open MPI's default algorithm choice"
(cd "$RESULTS" && "${MPIRUN[@]}" $AIBENCH "${ARGS[@]}" --out "$RESULTS/default" 2>&1) \
    | grep -E '^#|^ +[0-9]' | tee "$RESULTS/aibench-default.txt"

python3 - "$RESULTS" "$RATE" <<'PY'
import glob, json, sys
root, rate = sys.argv[1], sys.argv[2]
print(f"\nbusbw against the shaped link ({rate} per host egress)")
print(f"{'algorithm':10} {'bytes':>10} {'busbw MB/s':>11} {'line MB/s':>10} {'efficiency':>10}")
for name in ("ring", "default"):
    for path in sorted(glob.glob(f"{root}/{name}/*/run.json")):
        for m in json.load(open(path))["measurements"]:
            if m["metric"] == "busbw" and m.get("baseline"):
                b = m["baseline"]
                print(f"{name:10} {int(m['params']['bytes']):>10} {m['stats']['median'] / 1e6:>11.2f} {b['value'] / 1e6:>10.2f} {b['efficiency']:>10.3f}")
PY
