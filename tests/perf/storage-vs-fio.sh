#!/usr/bin/env bash
# storage.io against fio on the same file, same parameters, alternating runs (issue 3's proof).
#   tests/perf/storage-vs-fio.sh [FOLDER] [ROUNDS]
# FOLDER: where the shared test file is laid out (default /var/tmp; must be a disk file system, not tmpfs).
# Environment: SIZE (default 1G), RUNTIME seconds (default 5), RAMP seconds (default 1), ROUNDS (default 5),
# WORKLOADS (default "randread-4k-qd32 seqread-1m-qd32 randrw-4k-70-30-qd32"); AIBENCH and FIO name the binaries
# (default build/bin/aibench, built when missing, and fio on PATH).
# Both tools: O_DIRECT, io_uring, one job, the same file. Both figures are whole-run ones, per direction: fio's
# `iops`, `bw_bytes` and `clat_ns` p99/p99.9/p99.99 (--percentile_list) and max; AiBench's headline values (one sample
# each: I/Os and bytes over the measured time, latency of the merged histogram, exact max), label direction=read|write.
# Beside them, "slice median / fio": what AiBench reported before its figures were fio's (the median over 0.25 s slices
# of each slice's rate or percentile, now info.sliceMedian), for IOPS or bandwidth, p99.99 and max.
# Bars (read direction of randread-4k-qd32 and seqread-1m-qd32): AiBench's median IOPS / bandwidth >= 1.0x fio's
# median, and its clat timed as fio's: by Little's law mean clat x rate is the average number of I/Os in flight, set by
# the queue depth for both tools, so (AiBench mean x rate) / (fio mean x rate), the median over rounds, is within
# 0.85..1.15. A clat started at another point than fio's (the return of the submitting call) would break it. Where
# the guest's CPU is the limit, the engine with fewer system calls per I/O has both the higher rate and the lower
# latency. p99 x rate is shown beside it without a bar: a p99 depends on the shape of the distribution too (an engine
# that submits a reap's refills together sends the disk bursts where fio sends one I/O at a time; 0.79-1.59 between
# rounds on 2026-12-02). p99.9, p99.99, max and randrw are reported beside them, without a bar (a few seconds on a
# shared disk give tails that differ 2x between rounds of one tool). Exit 0
# when every bar holds.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
ROOT=$PWD
DIR=${1:-/var/tmp}
ROUNDS=${2:-${ROUNDS:-5}}
SIZE=${SIZE:-1G}
RUNTIME=${RUNTIME:-5}
RAMP=${RAMP:-1}
WORKLOADS=${WORKLOADS:-randread-4k-qd32 seqread-1m-qd32 randrw-4k-70-30-qd32}
FIO=${FIO:-fio}
command -v "$FIO" >/dev/null || { echo "fio is missing: apt-get install fio" >&2; exit 3; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 3; }
if [ -z "${AIBENCH:-}" ]; then
  ./run.sh list >/dev/null   # incremental: builds only when a source is newer than build/bin
  AIBENCH="$ROOT/build/bin/aibench"
fi

WORK=$(mktemp -d "$DIR/aibench-vs-fio.XXXXXX")
FILE="$WORK/shared.dat"
ROWS="$WORK/rows.tsv"   # workload tool round direction iops bw p99 p99.9 p99.99 max (seconds), then the slice medians
                        # of iops bw p99.99 max (AiBench; fio repeats its own figures there), engine
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
echo "laying out $SIZE at $FILE" >&2
"$FIO" --name=layout --filename="$FILE" --size="$SIZE" --rw=write --bs=1M --iodepth=16 --direct=1 \
    --ioengine=io_uring --output=/dev/null

# fio's job for a workload name: rw, bs and the read share (fio's usual set, as StorageWorkload names them).
fio_job() {
  case "$1" in
    randread-4k-qd32) echo "--rw=randread --bs=4k" ;;
    seqread-1m-qd32) echo "--rw=read --bs=1M" ;;
    randrw-4k-70-30-qd32) echo "--rw=randrw --rwmixread=70 --bs=4k" ;;
    *) echo "no fio job for workload $1" >&2; exit 2 ;;
  esac
}

run_fio() { # workload round
  # shellcheck disable=SC2046
  "$FIO" --name=bench --filename="$FILE" --size="$SIZE" --ioengine=io_uring --direct=1 $(fio_job "$1") \
      --iodepth=32 --numjobs=1 --time_based --runtime="$RUNTIME" --ramp_time="$RAMP" \
      --percentile_list=99:99.9:99.99 --output-format=json |
  python3 -c '
import json, sys
job = json.load(sys.stdin)["jobs"][0]
for d in ("read", "write"):
    r = job[d]
    if r["total_ios"] == 0:
        continue
    c = r["clat_ns"]; p = c["percentile"]
    print(sys.argv[1], "fio", sys.argv[2], d, r["iops"], r["bw_bytes"],
          *(p[k] / 1e9 for k in ("99.000000", "99.900000", "99.990000")), c["max"] / 1e9,
          r["iops"], r["bw_bytes"], p["99.990000"] / 1e9, c["max"] / 1e9, c["mean"] / 1e9, "io_uring", sep="\t")
' "$1" "$2" >> "$ROWS"
}

run_aibench() { # workload round
  local out="$WORK/results"
  rm -rf "$out"
  "$AIBENCH" run storage.io --out "$out" --set target="$FILE" --set workload="$1" --set size="$SIZE" \
      --set runtime="${RUNTIME}s" --set ramp="${RAMP}s" --set allow-destructive=true >/dev/null 2>&1
  python3 - "$out"/*/run.json "$1" "$2" >> "$ROWS" <<'PY'
import json, sys
ms = json.load(open(sys.argv[1]))["measurements"]
def value(metric, direction, percentile=None):
    m = next(m for m in ms if m["metric"] == metric and m["labels"]["direction"] == direction
             and m["labels"].get("percentile") == percentile)
    assert len(m["samples"]) == 1, f"{metric} is not one whole-run figure"
    return m["samples"][0], m["info"], float(m["info"].get("sliceMedian", "nan"))
for d in ("read", "write"):
    if not any(m["labels"].get("direction") == d for m in ms):
        continue
    iops, info, _ = value("iops", d)
    print(sys.argv[2], "aibench", sys.argv[3], d, iops, value("bandwidth", d)[0],
          *(value("latency", d, p)[0] for p in ("p99", "p99.9", "p99.99", "max")),
          *(value(*f)[2] for f in (("iops", d), ("bandwidth", d), ("latency", d, "p99.99"), ("latency", d, "max"))),
          value("latency", d, "mean")[0], info["engine"], sep="\t")
PY
}

printf '\nmachine: %s, %s cores, kernel %s; file %s (%s), size %s, runtime %ss, ramp %ss, %s rounds; %s\n' \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(nproc)" "$(uname -r)" \
  "$(df --output=source "$DIR" | tail -1)" "$(df --output=fstype "$DIR" | tail -1)" "$SIZE" "$RUNTIME" "$RAMP" "$ROUNDS" "$("$FIO" --version)"
for workload in $WORKLOADS; do
  fio_job "$workload" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    # Who goes first alternates: a virtual disk with burst credits (a token bucket) favours whoever runs first.
    if (( round % 2 == 1 )); then
      run_fio "$workload" "$round"; run_aibench "$workload" "$round"
    else
      run_aibench "$workload" "$round"; run_fio "$workload" "$round"
    fi
    echo "$workload round $round done" >&2
  done
done

python3 - "$ROWS" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(dict)  # (workload, direction, round) -> tool -> figures
engine = {}
for line in open(sys.argv[1]):
    w, tool, rnd, d, *nums, eng = line.rstrip("\n").split("\t")
    rows[(w, d, int(rnd))][tool] = [float(x) for x in nums]  # iops bw p99 p99.9 p99.99 max; slice medians iops bw p99.99 max; mean
    if tool == "aibench":
        engine[w] = eng
names = ["p99", "p99.9", "p99.99", "max"]
us = lambda s: f"{s * 1e6:.1f}"
print("\n| workload | direction | round | fio | AiBench | " + " | ".join(f"fio {n} µs | AiBench {n} µs" for n in names) + " |")
print("|---|---|---|---:|---:|" + "---:|" * (2 * len(names)))
groups = collections.defaultdict(list)
order = list(dict.fromkeys(w for w, _, _ in rows))  # workloads as they ran
for (w, d, rnd), t in sorted(rows.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1], kv[0][2])):
    if "fio" not in t or "aibench" not in t:
        continue
    k = 0 if w.startswith("rand") else 1  # IOPS for random workloads, bandwidth for sequential ones
    groups[(w, d)].append((t["fio"], t["aibench"], k))
    f, a = t["fio"], t["aibench"]
    print(f"| {w} | {d} | {rnd} | {f[k]:.0f} | {a[k]:.0f} | " + " | ".join(f"{us(f[2+i])} | {us(a[2+i])}" for i in range(4)) + " |")
print("\n| workload | direction | metric | AiBench / fio (medians) | per-round median | " + " | ".join(f"{n} AiBench / fio" for n in names)
      + " | slice median / fio: metric | p99.99 | max | mean clat AiBench / fio | mean x rate |")
print("|---|---|---|---:|---:|" + "---:|" * (len(names) + 5))
status = 0
for (w, d), g in groups.items():
    k = g[0][2]
    med = lambda tool, i: statistics.median(x[tool][i] for x in g)
    ratio = med(1, k) / med(0, k)
    paired = statistics.median(x[1][k] / x[0][k] for x in g)
    tails = [med(1, 2 + i) / med(0, 2 + i) for i in range(4)]
    old = [med(1, 6 + k) / med(0, k), med(1, 8) / med(0, 4), med(1, 9) / med(0, 5)]
    unit = "IOPS" if k == 0 else "B/s"
    mean = med(1, 10) / med(0, 10)
    little = statistics.median(x[1][10] * x[1][k] / (x[0][10] * x[0][k]) for x in g)  # per round: in flight, AiBench / fio
    print(f"| {w} | {d} | {unit} | **{ratio:.3f}** | {paired:.3f} | " + " | ".join(f"{r:.3f}" for r in tails + old)
          + f" | {mean:.3f} | {little:.3f} |")
    if w in ("randread-4k-qd32", "seqread-1m-qd32") and d == "read":
        ok = ratio >= 1.0 and 0.85 <= little <= 1.15
        print(f"  bar {w}: {unit} {ratio:.3f} (>= 1.0), mean clat {mean:.3f}, mean x rate {little:.3f} (0.85..1.15), p99 {tails[0]:.3f}, p99 x rate {tails[0] * ratio:.3f}: {'met' if ok else 'MISSED'}; engine {engine.get(w)}", file=sys.stderr)
        status |= 0 if ok else 1
sys.exit(status)
PY
