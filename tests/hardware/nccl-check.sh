#!/usr/bin/env bash
# NCCL hardware check: runs a published, self-contained AiBench (no .NET, no MPI, no mpirun needed) on one NVIDIA GPU
# as a single rank, through the same code path as multi-node runs: net.allreduce over a size sweep with backend nccl
# (device memory, CUDA events), every other collective once, and the check's test hook (one corrupted contribution
# must show as wrong elements). Prints a short table; bounded to about 2 minutes.
#
#   tests/hardware/nccl-check.sh                     # expects ./publish/aibench
#   AIBENCH=/path/to/aibench OUT=/tmp/out tests/hardware/nccl-check.sh
#
# Publish first (on a machine with .NET; libaibench_mpi.so is bundled when MPI was installed there, and unused here):
#   dotnet publish src/AiBench.Cli -r linux-x64 --self-contained -p:PublishSingleFile=true \
#     -p:EnableCompressionInSingleFile=true -o publish
#
# NCCL is found as libnccl.so.2: the system loader, then the CUDA locator's folders, including PyTorch's pip wheel
# folder nvidia/nccl/lib (also put on LD_LIBRARY_PATH below). Results go to $RESULTS (default ./nccl-check-results);
# when $OUT is set, at most 6 files are copied there, flat: summary.txt, console.txt and 4 run.json files.
set -uo pipefail

AIBENCH="${AIBENCH:-./publish/aibench}"
PYTHON="${PYTHON:-python3}"
RESULTS="${RESULTS:-./nccl-check-results}"

section() { printf '\n==== %s ====\n' "$*"; }

if [[ ! -x "$AIBENCH" ]]; then
    echo "nccl-check: $AIBENCH is not an executable; publish AiBench first or set AIBENCH" >&2
    exit 2
fi
mkdir -p "$RESULTS"
RESULTS="$(cd "$RESULTS" && pwd)"
CONSOLE="$RESULTS/console.txt"
: > "$CONSOLE"

section "GPU and NCCL" | tee -a "$CONSOLE"
if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi --query-gpu=index,name,driver_version,memory.total --format=csv 2>&1 | tee -a "$CONSOLE"
fi
PIP_LIBS="$("$(dirname "$0")/cuda-lib-path.sh" "$PYTHON")"
if [[ -n "$PIP_LIBS" ]]; then
    export LD_LIBRARY_PATH="${PIP_LIBS}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
echo "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}" | tee -a "$CONSOLE"
ls "${PIP_LIBS//:/ }" 2>/dev/null | grep -m 3 libnccl | tee -a "$CONSOLE"
"$AIBENCH" list 2>&1 | grep -E -A1 "^net\.allreduce" | tee -a "$CONSOLE"

run_aibench() {   # name, seconds, args...
    local name="$1" limit="$2"
    shift 2
    section "aibench run $name" | tee -a "$CONSOLE"
    echo "$AIBENCH run $*" | tee -a "$CONSOLE"
    # The nccl-tests table goes to stderr; keep the table and the outcome, not the per-figure progress lines.
    timeout --kill-after=10 "$limit" "$AIBENCH" run "$@" --out "$RESULTS/$name" 2>&1 \
        | grep -v -E '^    [a-z_]+ = ' | tail -n 45 | tee -a "$CONSOLE"
    local code=${PIPESTATUS[0]}
    echo "exit code: $code" | tee -a "$CONSOLE"
    echo "$code" > "$RESULTS/$name.exit"
}

# 1. The reference sweep: all-reduce 8 B .. 1 GiB x4, out-of-place and in-place, float32 sum, checked.
run_aibench allreduce 60 net.allreduce --set backend=nccl --set minbytes=8 --set maxbytes=1GiB --set stepfactor=4 \
    --set iterations=20 --set warmup=5 --quick --budget 30s
# 2. Every collective once through the nccl backend (float64 exercises the other type).
cat > "$RESULTS/nccl-suite.yaml" <<'YAML'
name: nccl-check
policy: { warmup: 1, min_samples: 3, max_samples: 5, target_ci: 5%, budget: 5s }
benchmarks:
  - { id: net.allgather, params: { backend: nccl, minbytes: 1MiB, maxbytes: 64MiB, stepfactor: 8 } }
  - { id: net.reducescatter, params: { backend: nccl, minbytes: 1MiB, maxbytes: 64MiB, stepfactor: 8, dtype: float64 } }
  - { id: net.broadcast, params: { backend: nccl, minbytes: 1MiB, maxbytes: 64MiB, stepfactor: 8 } }
  - { id: net.alltoall, params: { backend: nccl, minbytes: 1MiB, maxbytes: 64MiB, stepfactor: 8 } }
  - { id: net.allreduce, params: { backend: nccl, minbytes: 1MiB, maxbytes: 64MiB, stepfactor: 8, op: max, dtype: float64 } }
YAML
run_aibench collectives 40 "$RESULTS/nccl-suite.yaml"
# 3. The check must catch a corrupted contribution on the GPU too (exit 1 and #wrong > 0 expected).
AIBENCH_FAULT_INJECTION=corrupt-rank=0 run_aibench corrupt 20 net.allreduce --set backend=nccl --set minbytes=1MiB --set maxbytes=1MiB --quick
# 4. The mpi backend as one rank, for comparison on the same host (unavailable without an MPI library: that is fine).
run_aibench mpi 20 net.allreduce --set backend=mpi --set minbytes=1MiB --set maxbytes=64MiB --set stepfactor=8 --quick

section "summary" | tee -a "$CONSOLE"
"$PYTHON" - "$RESULTS" <<'PY' | tee "$RESULTS/summary.txt"
import glob, json, os, sys
root = sys.argv[1]
def run(name):
    paths = sorted(glob.glob(os.path.join(root, name, "*", "run.json")))
    return json.load(open(paths[0])) if paths else None
def exit_code(name):
    try:
        return open(os.path.join(root, name + ".exit")).read().strip()
    except OSError:
        return "?"
print(f"{'case':12} {'benchmark':18} {'bytes':>11} {'place':>5} {'time us':>10} {'algbw GB/s':>11} {'busbw GB/s':>11} {'wrong':>9}  transport")
for name in ("allreduce", "collectives", "corrupt", "mpi"):
    r = run(name)
    if r is None:
        print(f"{name:12} no run.json (exit {exit_code(name)})")
        continue
    by = {}
    for m in r.get("measurements", []):
        if m["metric"] in ("time", "algbw", "busbw"):
            p = m["params"]
            by.setdefault((m["benchmark"], p.get("bytes"), p.get("inplace")), {})[m["metric"]] = m
    keys = sorted(by, key=lambda k: (k[0], k[1] or 0, bool(k[2])))
    # The largest size of each benchmark and placement, and for the sweep also 1 MiB.
    largest = {}
    for k in keys:
        largest[(k[0], k[2])] = k
    shown = [k for k in keys if k in largest.values() or (name == "allreduce" and k[1] == 1048576)]
    for k in shown:
        f = by[k]
        t = f["time"]["stats"]["median"]
        c = f["time"].get("correct") or {}
        print(f"{name:12} {k[0]:18} {int(k[1]):>11} {'in' if k[2] else 'out':>5} {t * 1e6:>10.2f} "
              f"{f['algbw']['stats']['median'] / 1e9:>11.2f} {f['busbw']['stats']['median'] / 1e9:>11.2f} "
              f"{str(c.get('wrong', 'n/a')) + '/' + str(c.get('checked', '')):>9}  {f['time'].get('info', {}).get('transport', '')}")
    for m in r.get("measurements", []):
        if m["metric"] == "busbw_avg":
            print(f"{name:12} {m['benchmark']:18} avg busbw {m['samples'][0] / 1e9:.3f} GB/s")
    for e in r.get("errors", []):
        print(f"{name:12} error {e.get('benchmark')}: {e.get('kind')}: {e.get('message', '')[:160]}")
    info = next((m.get("info", {}) for m in r.get("measurements", []) if m.get("info", {}).get("ncclVersion")), {})
    print(f"{name:12} exit {exit_code(name)}, status {r.get('status')}, verdict {r.get('verdict')}"
          + (f", NCCL {info.get('ncclVersion')} from {info.get('ncclLibrary')} on {info.get('deviceName')}" if info else ""))
PY

if [[ -n "${OUT:-}" ]]; then
    mkdir -p "$OUT"
    cp "$RESULTS/summary.txt" "$RESULTS/console.txt" "$OUT/" 2>/dev/null
    for name in allreduce collectives corrupt mpi; do
        f=$(ls "$RESULTS/$name"/*/run.json 2>/dev/null | head -n 1)
        [[ -n "$f" ]] && cp "$f" "$OUT/$name.run.json"
    done
fi
