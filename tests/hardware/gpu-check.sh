#!/usr/bin/env bash
# GPU hardware check: runs a published, self-contained AiBench (no .NET needed) on an NVIDIA GPU, then the same
# operations in PyTorch, and prints one table "AiBench vs PyTorch" with ratios.
#
#   tests/hardware/gpu-check.sh                    # expects ./publish/aibench
#   AIBENCH=/path/to/aibench OUT=/tmp/out tests/hardware/gpu-check.sh
#
# Publish first (on a machine with .NET):
#   dotnet publish src/AiBench.Cli -r linux-x64 --self-contained -p:PublishSingleFile=true \
#     -p:EnableCompressionInSingleFile=true -o publish
#
# Needs: bash, python3 with torch (CUDA build), an NVIDIA driver. CUDA libraries (NVRTC, cuBLASLt) may come only
# from PyTorch's pip wheels: their folders are put on LD_LIBRARY_PATH. Results go to $RESULTS (default
# ./gpu-check-results) and are copied to $OUT when it is set. Bounded to about 5 minutes on an H100.
set -uo pipefail

AIBENCH="${AIBENCH:-./publish/aibench}"
PYTHON="${PYTHON:-python3}"
RESULTS="${RESULTS:-./gpu-check-results}"
STARTED=$(date +%s)

section() { printf '\n==== %s ====\n' "$*"; }

if [[ ! -x "$AIBENCH" ]]; then
    echo "gpu-check: $AIBENCH is not an executable; publish AiBench first or set AIBENCH" >&2
    exit 2
fi
mkdir -p "$RESULTS"
RESULTS="$(cd "$RESULTS" && pwd)"

section "GPU"
if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi -q | grep -E -m 3 "Driver Version|CUDA Version|Product Name" || true
    nvidia-smi --query-gpu=index,name,pci.bus_id,memory.total,clocks.max.sm,clocks.max.mem,power.limit,pcie.link.gen.max,pcie.link.width.max \
        --format=csv || true
else
    echo "nvidia-smi not found"
fi

# The CUDA libraries of pip wheels (nvidia/*/lib, nvidia/cu13/lib) and torch/lib, for NVRTC and cuBLASLt.
PIP_LIBS="$("$(dirname "$0")/cuda-lib-path.sh" "$PYTHON")"
if [[ -n "$PIP_LIBS" ]]; then
    export LD_LIBRARY_PATH="${PIP_LIBS}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
echo "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"

section "aibench list"
"$AIBENCH" list 2>&1 | grep -E -A1 "^gpu\." || true

run_aibench() {   # name, seconds, args...
    local name="$1" limit="$2"
    shift 2
    section "aibench run $name"
    echo "$AIBENCH run $*"
    timeout --kill-after=10 "$limit" "$AIBENCH" run "$@" --out "$RESULTS/$name" 2>&1 | tail -n 40
    local code=${PIPESTATUS[0]}
    echo "exit code: $code"
    echo "$code" > "$RESULTS/$name.exit"
}

# Bounded cases: a 5 s budget (about 4 s for each memory test) and at most 20-30 samples per case.
run_aibench matmul 150 gpu.matmul --set dtype=bf16,fp16,tf32,fp8 --set m=8192 --set n=8192 --set k=8192 \
    --budget 5s --max-samples 30
run_aibench mamf 90 gpu.matmul --set mode=mamf --set dtype=bf16 --set m_range=1024:8192:1024 --set n_range=4096 \
    --set k_range=4096 --budget 8s --max-samples 10
run_aibench memory 150 gpu.memory --budget 4s --max-samples 20
# Triad's sensitivity to the grid (0 = as many blocks as fit at once), for tuning without a rebuild.
run_aibench triad_grid 60 gpu.memory --set test=triad --set blocks_per_sm=0,32,128,512 --budget 2s --max-samples 10

section "PyTorch"
timeout --kill-after=10 120 "$PYTHON" - "$RESULTS/torch.json" <<'PY'
import json, statistics, sys
import torch

out = {"torch": torch.__version__, "cuda": torch.version.cuda, "device": torch.cuda.get_device_name(0)}
dev = torch.device("cuda", 0)

def timed(fn, repeats, per_sample):
    """Median seconds per call: CUDA events around per_sample back-to-back calls, after warm-up."""
    for _ in range(5):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        for _ in range(per_sample):
            fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end) / 1e3 / per_sample)
    return statistics.median(times), max(times), min(times)

n = 8192
a = torch.randn(n, n, device=dev, dtype=torch.bfloat16)
b = torch.randn(n, n, device=dev, dtype=torch.bfloat16)
c = torch.empty(n, n, device=dev, dtype=torch.bfloat16)
flops = 2.0 * n * n * n
med, worst, best = timed(lambda: torch.matmul(a, b, out=c), 30, 10)
out["matmul_bf16_8192"] = {"flops": flops / med, "best": flops / best, "seconds": med}
med, worst, best = timed(lambda: torch.mm(a, b.t(), out=c), 30, 10)
out["matmul_bf16_8192_tn"] = {"flops": flops / med, "best": flops / best, "seconds": med}
del a, b, c
torch.cuda.empty_cache()

size = 4 << 30
x = torch.empty(size, device=dev, dtype=torch.uint8)
y = torch.empty_like(x)
x.fill_(7)
med, worst, best = timed(lambda: y.copy_(x), 20, 1)
out["copy_4GiB"] = {"bytes_per_second": 2.0 * size / med, "best": 2.0 * size / best, "seconds": med,
                    "counted": "read + write = 2 x size"}
print(json.dumps(out, indent=2))
with open(sys.argv[1], "w") as f:
    json.dump(out, f, indent=2)
PY
echo "exit code: $?"

section "AiBench vs PyTorch"
"$PYTHON" - "$RESULTS" <<'PY' | tee "$RESULTS/summary.txt"
import glob, json, os, sys

root = sys.argv[1]

def runs(name):
    found = []
    for path in sorted(glob.glob(os.path.join(root, name, "*", "run.json"))):
        with open(path) as f:
            found.append(json.load(f))
    return found

def measurements(name):
    return [m for run in runs(name) for m in run.get("measurements", [])]

def errors(name):
    return [e for run in runs(name) for e in run.get("errors", [])]

def median(m):
    return (m.get("stats") or {}).get("median") or float("nan")

def correct(m):
    c = m.get("correct")
    return "-" if not c else f"{c.get('wrong', 0)}/{c.get('checked', 0)} wrong"

def efficiency(m):
    b = m.get("baseline")
    return f"{100 * b['efficiency']:.1f}% of {b['value'] / (1e12 if m['unit'] == 'FLOP/s' else 1e9):.4g}" if b else ""

def scale(value, unit):
    return (value / 1e12, "TFLOP/s") if unit == "FLOP/s" else (value / 1e9, "GB/s")

try:
    with open(os.path.join(root, "torch.json")) as f:
        torch_results = json.load(f)
except OSError:
    torch_results = {}

print(f"{'figure':44} {'AiBench':>12} {'PyTorch':>12} {'ratio':>7}  unit     correctness        vs datasheet")
rows = []
for m in measurements("matmul"):
    p = m.get("params", {})
    rows.append((f"matmul {p.get('dtype')} {int(p.get('m', 0))}x{int(p.get('n', 0))}x{int(p.get('k', 0))}", m,
                 torch_results.get("matmul_bf16_8192", {}).get("flops") if p.get("dtype") == "bf16" else None))
for m in measurements("mamf"):
    info = m.get("info", {})
    rows.append((f"mamf {m['params'].get('dtype')} {m['metric']} {info.get('bestShape', '')}", m, None))
for m in measurements("triad_grid"):
    grid = m.get("info", {}).get("gridSize", "?")
    rows.append((f"triad blocks_per_sm={int(m['params'].get('blocks_per_sm', 0))} (grid {grid})", m, None))
for m in measurements("memory"):
    ref = torch_results.get("copy_4GiB", {}).get("bytes_per_second") if m["metric"] == "device_copy" else None
    rows.append((f"memory {m['metric']}", m, ref))

for label, m, ref in rows:
    value, unit = scale(median(m), m["unit"])
    ref_text, ratio = "", ""
    if ref:
        ref_value, _ = scale(ref, m["unit"])
        ref_text, ratio = f"{ref_value:12.1f}", f"{value / ref_value:7.3f}"
    print(f"{label:44} {value:12.1f} {ref_text:>12} {ratio:>7}  {unit:8} {correct(m):18} {efficiency(m)}")

if torch_results:
    tn = torch_results.get("matmul_bf16_8192_tn", {}).get("flops")
    if tn:
        print(f"{'torch.mm(a, b.t()) bf16 8192^3 (TN, info)':44} {'':12} {tn / 1e12:12.1f} {'':7}  TFLOP/s")
    print(f"PyTorch {torch_results.get('torch')} (CUDA {torch_results.get('cuda')}) on {torch_results.get('device')}")

for name in ("matmul", "mamf", "memory", "triad_grid"):
    for e in errors(name):
        print(f"ERROR {name}: {e.get('benchmark')} {e.get('case', '')} {e.get('kind')}: {e.get('message')}")
    if not runs(name):
        print(f"ERROR {name}: no run.json under {os.path.join(root, name)}")
for m in measurements("matmul") + measurements("mamf") + measurements("memory"):
    info = m.get("info", {})
    keys = ("algorithmRank", "algorithmTimings", "productsPerSample", "launchesPerSample", "copiesPerSample", "gridSize",
            "arrayBytes", "transferBytes", "smClockMHz", "memoryClockMHz", "powerW", "temperatureC", "clockEventReasons",
            "stopReason", "maxErrorRatio", "h2dBytesPerSecond", "d2hBytesPerSecond", "nvrtc", "cublasLt", "cublasLtLibrary")
    details = " ".join(f"{k}={info[k]}" for k in keys if k in info)
    print(f"  {m['benchmark']} {m['metric']} {m.get('params', {}).get('dtype', '')}: {details}")
PY

echo
echo "elapsed: $(( $(date +%s) - STARTED )) s; results in $RESULTS"
if [[ -n "${OUT:-}" ]]; then
    # The device tool returns few files, at most two levels deep: one run.json per run (regenerate its
    # report and charts anywhere with `aibench report <folder>`), the summary and the PyTorch figures.
    mkdir -p "$OUT"
    cp "$RESULTS"/summary.txt "$RESULTS"/torch.json "$OUT/" 2>/dev/null
    for run in "$RESULTS"/*/*/; do
        cp "$run/run.json" "$OUT/$(basename "$(dirname "$run")").run.json"
    done
    echo "copied to $OUT"
fi
