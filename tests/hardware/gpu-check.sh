#!/usr/bin/env bash
# GPU hardware check: runs a published, self-contained AiBench (no .NET needed) on an NVIDIA GPU, then the same
# operations in PyTorch — including mamf-finder's method (written here from mamf-finder.py's definitions) and
# nvbandwidth's CE copy tests (likewise) — and nvbandwidth itself when it is installed ($NVBANDWIDTH or on PATH), and
# prints one table "AiBench vs reference" with ratios. The anchored figures: gpu.matmul method=mamf-finder against the
# mamf-finder method in torch (bf16, fp8 as torch._scaled_mm into e4m3); gpu.memory h2d, d2h, h2d_bidir, d2h_bidir and
# device_local_copy against nvbandwidth's host_to_device_memcpy_ce, device_to_host_memcpy_ce,
# host_to_device_bidirectional_memcpy_ce, device_to_host_bidirectional_memcpy_ce and device_local_copy (512 MiB,
# 16 copies per sample, host buffers on the GPU's NUMA node, as nvbandwidth's defaults).
#
#   tests/hardware/gpu-check.sh                    # expects ./publish/aibench
#   AIBENCH=/path/to/aibench OUT=/tmp/out tests/hardware/gpu-check.sh
#
# Publish first (on a machine with .NET):
#   dotnet publish src/AiBench.Cli -r linux-x64 --self-contained -p:PublishSingleFile=true \
#     -p:EnableCompressionInSingleFile=true -o publish
#
# Needs: bash, python3 with torch (CUDA build), an NVIDIA driver; nvbandwidth is optional. CUDA libraries (NVRTC,
# cuBLASLt) may come only from PyTorch's pip wheels: their folders are put on LD_LIBRARY_PATH. Results go to $RESULTS
# (default ./gpu-check-results) and are copied to $OUT when it is set. Bounded to about 8 minutes on an H100.
set -uo pipefail

AIBENCH="${AIBENCH:-./publish/aibench}"
PYTHON="${PYTHON:-python3}"
NVBANDWIDTH="${NVBANDWIDTH:-$(command -v nvbandwidth || true)}"
# mamf-finder warms the accelerator for 30 s; both sides of this check use a shorter, equal warm-up to stay bounded.
MAMF_WARMUP_S="${MAMF_WARMUP_S:-10}"
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
# mamf-finder's method, bf16 and fp8: m_range excludes its stop as np.arange, so 1024:9216:1024 is 1024 ... 8192.
run_aibench mamf_finder 150 gpu.matmul --set mode=mamf --set method=mamf-finder --set dtype=bf16,fp8 \
    --set m_range=1024:9216:1024 --set n_range=4096 --set k_range=4096 --set accelerator_warmup=${MAMF_WARMUP_S}s
run_aibench memory 180 gpu.memory --budget 4s --max-samples 20
# nvbandwidth's defaults: 512 MiB buffers, 16 copies per sample.
run_aibench memory_nvb 120 gpu.memory --set test=h2d,d2h,bidir,device_copy --set size=512MiB --set iterations=16 \
    --budget 4s --max-samples 10
# Triad's sensitivity to the grid (0 = as many blocks as fit at once), for tuning without a rebuild.
run_aibench triad_grid 60 gpu.memory --set test=triad --set blocks_per_sm=0,32,128,512 --budget 2s --max-samples 10

section "nvbandwidth"
if [[ -n "$NVBANDWIDTH" && -x "$NVBANDWIDTH" ]]; then
    echo "$NVBANDWIDTH -j -t host_to_device_memcpy_ce device_to_host_memcpy_ce host_to_device_bidirectional_memcpy_ce device_to_host_bidirectional_memcpy_ce device_local_copy"
    timeout --kill-after=10 120 "$NVBANDWIDTH" -j -t host_to_device_memcpy_ce device_to_host_memcpy_ce \
        host_to_device_bidirectional_memcpy_ce device_to_host_bidirectional_memcpy_ce device_local_copy \
        > "$RESULTS/nvbandwidth.json" 2> "$RESULTS/nvbandwidth.stderr"
    echo "exit code: $?"
else
    echo "nvbandwidth not found (set NVBANDWIDTH); the torch re-creation of its tests stands in"
fi

section "PyTorch"
timeout --kill-after=10 300 "$PYTHON" - "$RESULTS/torch.json" "$MAMF_WARMUP_S" <<'PY'
import json, os, statistics, subprocess, sys, time
import torch

out = {"torch": torch.__version__, "cuda": torch.version.cuda, "device": torch.cuda.get_device_name(0)}
dev = torch.device("cuda", 0)
mamf_warmup_s = float(sys.argv[2])

def bind_to_gpu_numa_node():
    # nvbandwidth binds to the GPU's CPUs before pinning host memory (nvmlDeviceSetCpuAffinity); so do we, from sysfs.
    try:
        bus = subprocess.run(["nvidia-smi", "-i", "0", "--query-gpu=pci.bus_id", "--format=csv,noheader"],
                             capture_output=True, text=True, timeout=20).stdout.strip()
        domain, rest = bus.split(":", 1)
        name = f"{int(domain, 16):04x}:{rest.lower()}"
        with open(f"/sys/bus/pci/devices/{name}/local_cpulist") as f:
            cpus = set()
            for part in f.read().strip().split(","):
                lo, _, hi = part.partition("-")
                cpus.update(range(int(lo), int(hi or lo) + 1))
        cpus &= os.sched_getaffinity(0)
        if cpus:
            os.sched_setaffinity(0, cpus)
        return f"{name}: {len(cpus)} CPUs"
    except Exception as e:
        return f"not bound ({e})"

out["numa_binding"] = bind_to_gpu_numa_node()

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
del x, y
torch.cuda.empty_cache()

# nvbandwidth's CE tests re-created from its definitions (testcases_ce.cpp, memcpy.cpp, README): 512 MiB buffers,
# 4 warm-up copies, then 16 copies between events on the measured stream per sample, median of 3 samples; the
# bidirectional tests measure one direction while a copy twice as large runs the other way on a second stream that
# starts from the measured stream's start event; device_local_copy counts the copy size once.
NVB_SIZE, NVB_LOOPS, NVB_SAMPLES = 512 << 20, 16, 3

def nvb_copy(dst, src, other_dst=None, other_src=None):
    measured, other = torch.cuda.Stream(), torch.cuda.Stream()
    rates = []
    for _ in range(NVB_SAMPLES):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        with torch.cuda.stream(measured):
            for _ in range(4):
                dst.copy_(src, non_blocking=True)
            start.record(measured)
        if other_dst is not None:
            other.wait_event(start)
            with torch.cuda.stream(other):
                for _ in range(NVB_LOOPS):
                    other_dst.copy_(other_src, non_blocking=True)
        with torch.cuda.stream(measured):
            for _ in range(NVB_LOOPS):
                dst.copy_(src, non_blocking=True)
            end.record(measured)
        torch.cuda.synchronize()
        rates.append(src.numel() * src.element_size() * NVB_LOOPS / (start.elapsed_time(end) / 1e3))
    return statistics.median(rates)

host = torch.empty(NVB_SIZE, dtype=torch.uint8, pin_memory=True).fill_(3)
host2 = torch.empty(2 * NVB_SIZE, dtype=torch.uint8, pin_memory=True).fill_(5)
devb = torch.empty(NVB_SIZE, dtype=torch.uint8, device=dev).fill_(7)
dev2 = torch.empty(2 * NVB_SIZE, dtype=torch.uint8, device=dev).fill_(9)
out["nvb_h2d"] = nvb_copy(devb, host)
out["nvb_d2h"] = nvb_copy(host, devb)
out["nvb_h2d_bidir"] = nvb_copy(devb, host, host2, dev2)
out["nvb_d2h_bidir"] = nvb_copy(host, devb, dev2, host2)
devc = torch.empty_like(devb)
out["nvb_device_local_copy"] = nvb_copy(devc, devb)
del host, host2, devb, dev2, devc
torch.cuda.empty_cache()

# mamf-finder's method re-created from its definitions (mamf-finder.py, benchmark version 2): warm the accelerator up
# on the first shape, then per shape 50 warm-up and 100 timed products, each between its own events after zeroing a
# 256 MiB int32 buffer and copying a random matrix into C; TFLOPS = 2mnk / mean time; MAMF = the best shape's.
# A is m x k, B is (n x k).t(); fp8 is torch._scaled_mm(A, B, scale, scale, out=C) with C in e4m3.
def mamf_shape(m, n, k, dtype, warmups=50, iters=100):
    l2 = torch.empty(256 * 2**20 // 4, dtype=torch.int, device=dev)
    c = torch.empty(m, n, dtype=dtype, device=dev)
    c_rand = torch.randn(m, n, device=dev).to(dtype)
    if dtype == torch.float8_e4m3fn:
        a = torch.randn(m, k, device=dev).to(dtype)
        b = torch.randn(n, k, device=dev).to(dtype).t()
        scale = torch.tensor([1.0], device=dev)
        op = lambda: torch._scaled_mm(a, b, scale, scale, out=c)
    else:
        a = torch.randn(m, k, dtype=dtype, device=dev)
        b = torch.randn(n, k, dtype=dtype, device=dev).t()
        op = lambda: torch.mm(a, b, out=c)
    starts = [torch.cuda.Event(enable_timing=True) for _ in range(warmups + iters)]
    ends = [torch.cuda.Event(enable_timing=True) for _ in range(warmups + iters)]
    with torch.no_grad():
        for s, e in zip(starts, ends):
            l2.zero_()
            c.copy_(c_rand)
            s.record()
            op()
            e.record()
    torch.cuda.synchronize()
    times = [s.elapsed_time(e) / 1e3 for s, e in zip(starts, ends)][warmups:]
    flops = 2.0 * m * n * k
    return {"mean": flops / statistics.mean(times), "median": flops / statistics.median(times), "max": flops / min(times)}

def mamf(dtype, ms, n, k):
    until = time.monotonic() + mamf_warmup_s
    while time.monotonic() < until:
        mamf_shape(ms[0], n, k, dtype)
    shapes = {f"{m}x{n}x{k}": mamf_shape(m, n, k, dtype) for m in ms}
    best = max(shapes, key=lambda s: shapes[s]["mean"])
    return {"best_shape": best, "best_mean": shapes[best]["mean"], "shapes": shapes,
            "arithmetic_mean": statistics.mean(v["mean"] for v in shapes.values()), "warmup_s": mamf_warmup_s}

ms = list(range(1024, 9216, 1024))
out["mamf_finder_bf16"] = mamf(torch.bfloat16, ms, 4096, 4096)
if torch.cuda.get_device_capability(0) >= (8, 9):
    try:
        out["mamf_finder_fp8"] = mamf(torch.float8_e4m3fn, ms, 4096, 4096)
    except Exception as e:
        out["mamf_finder_fp8"] = {"error": str(e)}
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

# nvbandwidth -j: {"nvbandwidth": {"testcases": [{"name", "status", "bandwidth_matrix": [["GB/s per GPU", ...]]}]}}.
nvbandwidth = {}
try:
    with open(os.path.join(root, "nvbandwidth.json")) as f:
        for case in json.load(f).get("nvbandwidth", {}).get("testcases", []):
            matrix = case.get("bandwidth_matrix") or []
            if matrix and matrix[0] and matrix[0][0] not in ("N/A", ""):
                nvbandwidth[case["name"]] = float(matrix[0][0]) * 1e9
except (OSError, ValueError, KeyError):
    pass

# AiBench figure -> (torch re-creation key, nvbandwidth test) for the memory_nvb run.
NVB = {
    "h2d": ("nvb_h2d", "host_to_device_memcpy_ce"),
    "d2h": ("nvb_d2h", "device_to_host_memcpy_ce"),
    "h2d_bidir": ("nvb_h2d_bidir", "host_to_device_bidirectional_memcpy_ce"),
    "d2h_bidir": ("nvb_d2h_bidir", "device_to_host_bidirectional_memcpy_ce"),
    "device_local_copy": ("nvb_device_local_copy", "device_local_copy"),
}

print(f"{'figure':48} {'AiBench':>12} {'reference':>12} {'ratio':>7}  unit     correctness        vs datasheet")
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
for m in measurements("mamf_finder"):
    info = m.get("info", {})
    ref = torch_results.get(f"mamf_finder_{m['params'].get('dtype')}", {}).get("best_mean" if m["metric"] == "throughput" else "arithmetic_mean")
    rows.append((f"mamf-finder {m['params'].get('dtype')} {m['metric']} {info.get('bestShape', '')}", m, ref))
for m in measurements("memory"):
    ref = torch_results.get("copy_4GiB", {}).get("bytes_per_second") if m["metric"] == "device_copy_read_write" else None
    rows.append((f"memory {m['metric']}", m, ref))
for m in measurements("memory_nvb"):
    torch_key, nvb_name = NVB.get(m["metric"], (None, None))
    rows.append((f"512MiB {m['metric']} / torch nvb-method", m, torch_results.get(torch_key) if torch_key else None))
    if nvb_name in nvbandwidth:
        rows.append((f"512MiB {m['metric']} / nvbandwidth", m, nvbandwidth[nvb_name]))

for label, m, ref in rows:
    value, unit = scale(median(m), m["unit"])
    ref_text, ratio = "", ""
    if ref:
        ref_value, _ = scale(ref, m["unit"])
        ref_text, ratio = f"{ref_value:12.1f}", f"{value / ref_value:7.3f}"
    print(f"{label:48} {value:12.1f} {ref_text:>12} {ratio:>7}  {unit:8} {correct(m):18} {efficiency(m)}")

if torch_results:
    tn = torch_results.get("matmul_bf16_8192_tn", {}).get("flops")
    if tn:
        print(f"{'torch.mm(a, b.t()) bf16 8192^3 (TN, info)':48} {'':12} {tn / 1e12:12.1f} {'':7}  TFLOP/s")
    print(f"PyTorch {torch_results.get('torch')} (CUDA {torch_results.get('cuda')}) on {torch_results.get('device')}; "
          f"host memory: {torch_results.get('numa_binding')}")
    for dtype in ("bf16", "fp8"):
        ref = torch_results.get(f"mamf_finder_{dtype}", {})
        if "best_shape" in ref:
            print(f"torch mamf-finder method {dtype}: best {ref['best_mean'] / 1e12:.1f} TFLOP/s at {ref['best_shape']}, "
                  f"mean over shapes {ref['arithmetic_mean'] / 1e12:.1f} (warm-up {ref['warmup_s']:.0f} s)")
        elif "error" in ref:
            print(f"torch mamf-finder method {dtype}: {ref['error']}")
if not nvbandwidth:
    print("nvbandwidth: not run (no binary) or no results; compare with the torch re-creation above")

for name in ("matmul", "mamf", "mamf_finder", "memory", "memory_nvb", "triad_grid"):
    for e in errors(name):
        print(f"ERROR {name}: {e.get('benchmark')} {e.get('case', '')} {e.get('kind')}: {e.get('message')}")
    if not runs(name):
        print(f"ERROR {name}: no run.json under {os.path.join(root, name)}")
for m in measurements("matmul") + measurements("mamf") + measurements("mamf_finder") + measurements("memory") + measurements("memory_nvb"):
    info = m.get("info", {})
    keys = ("method", "outputType", "fastAccumulation", "acceleratorWarmup", "shapeResults", "mamfFinderMeanFlops",
            "mamfFinderMedianFlops", "mamfFinderMaxFlops", "geometricMean", "algorithmRank", "algorithmTimings",
            "productsPerSample", "launchesPerSample", "copiesPerSample", "gridSize", "checked", "arrayBytes", "transferBytes",
            "interferingBytes", "hostMemoryNuma", "smClockMHz", "memoryClockMHz", "powerW", "temperatureC",
            "clockEventReasons", "stopReason", "maxErrorRatio", "nvrtc", "cublasLt", "cublasLtLibrary")
    details = " ".join(f"{k}={info[k]}" for k in keys if k in info)
    print(f"  {m['benchmark']} {m['metric']} {m.get('params', {}).get('dtype', '')}: {details}")
PY

echo
echo "elapsed: $(( $(date +%s) - STARTED )) s; results in $RESULTS"
if [[ -n "${OUT:-}" ]]; then
    # The device tool returns few files, at most two levels deep: one run.json per run (regenerate its
    # report and charts anywhere with `aibench report <folder>`), the summary and the PyTorch figures.
    mkdir -p "$OUT"
    cp "$RESULTS"/summary.txt "$RESULTS"/torch.json "$RESULTS"/nvbandwidth.json "$OUT/" 2>/dev/null
    for run in "$RESULTS"/*/*/; do
        cp "$run/run.json" "$OUT/$(basename "$(dirname "$run")").run.json"
    done
    echo "copied to $OUT"
fi
