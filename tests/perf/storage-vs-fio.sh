#!/usr/bin/env bash
# storage.io against fio on the same file, same parameters, alternating runs (issue 3's proof).
#   tests/perf/storage-vs-fio.sh [FOLDER] [ROUNDS]
# FOLDER: where the shared test file is laid out (default /var/tmp; must be a disk file system, not tmpfs).
# Environment: SIZE (default 1G), RUNTIME seconds (default 5), RAMP seconds (default 1), ROUNDS (default 5);
# AIBENCH and FIO name the binaries (default build/bin/aibench, built when missing, and fio on PATH).
# Both tools: O_DIRECT, io_uring, one job, the same file; fio's figures are its whole-run read iops/bw and
# clat p99; AiBench's the whole measured interval (info ios, bytes, seconds; latency p99 "wholeRun").
# Bars: AiBench's median IOPS (randread-4k-qd32) and bandwidth (seqread-1m-qd32) >= 1.0x fio's median,
# median p99 within 10% of fio's. Exit 0 when every bar holds, 1 otherwise.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
ROOT=$PWD
DIR=${1:-/var/tmp}
ROUNDS=${2:-${ROUNDS:-5}}
SIZE=${SIZE:-1G}
RUNTIME=${RUNTIME:-5}
RAMP=${RAMP:-1}
FIO=${FIO:-fio}
command -v "$FIO" >/dev/null || { echo "fio is missing: apt-get install fio" >&2; exit 3; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 3; }
if [ -z "${AIBENCH:-}" ]; then
  ./run.sh list >/dev/null   # incremental: builds only when a source is newer than build/bin
  AIBENCH="$ROOT/build/bin/aibench"
fi

WORK=$(mktemp -d "$DIR/aibench-vs-fio.XXXXXX")
FILE="$WORK/shared.dat"
trap 'rm -rf "$WORK"' EXIT
echo "laying out $SIZE at $FILE" >&2
"$FIO" --name=layout --filename="$FILE" --size="$SIZE" --rw=write --bs=1M --iodepth=16 --direct=1 \
    --ioengine=io_uring --output=/dev/null

# fio: prints "ops_per_s bytes_per_s p99_seconds"
run_fio() { # rw bs
  "$FIO" --name=bench --filename="$FILE" --size="$SIZE" --ioengine=io_uring --direct=1 --rw="$1" --bs="$2" \
      --iodepth=32 --numjobs=1 --time_based --runtime="$RUNTIME" --ramp_time="$RAMP" --output-format=json |
  python3 -c 'import json,sys; r=json.load(sys.stdin)["jobs"][0]["read"]; print(r["iops"], r["bw_bytes"], r["clat_ns"]["percentile"]["99.000000"]/1e9)'
}

run_aibench() { # workload
  local out="$WORK/results"
  rm -rf "$out"
  "$AIBENCH" run storage.io --out "$out" --set target="$FILE" --set workload="$1" --set size="$SIZE" \
      --set runtime="${RUNTIME}s" --set ramp="${RAMP}s" >/dev/null 2>&1
  python3 - "$out"/*/run.json <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
ms = run["measurements"]
iops = next(m for m in ms if m["metric"] == "iops")["info"]
p99 = next(m for m in ms if m["metric"] == "latency" and m["labels"]["percentile"] == "p99")["info"]["wholeRun"]
s = float(iops["seconds"])
print(int(iops["ios"]) / s, int(iops["bytes"]) / s, p99, iops["engine"])
PY
}

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

status=0
printf '\nmachine: %s, %s cores, kernel %s; file %s (%s), size %s, runtime %ss, ramp %ss, %s rounds; %s\n' \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(nproc)" "$(uname -r)" \
  "$(df --output=source "$DIR" | tail -1)" "$(df --output=fstype "$DIR" | tail -1)" "$SIZE" "$RUNTIME" "$RAMP" "$ROUNDS" "$("$FIO" --version)"
printf '\n| workload | metric | round | fio | AiBench | fio p99 | AiBench p99 |\n|---|---|---|---|---|---|---|\n'
for spec in "randread-4k-qd32 randread 4k iops" "seqread-1m-qd32 read 1M bw"; do
  set -- $spec
  workload=$1 rw=$2 bs=$3 metric=$4
  fv=(); av=(); fp=(); ap=()
  for round in $(seq 1 "$ROUNDS"); do
    # Who goes first alternates: a virtual disk with burst credits (a token bucket) favours whoever runs first.
    if (( round % 2 == 1 )); then
      read -r f_iops f_bw f_p99 < <(run_fio "$rw" "$bs")
      read -r a_iops a_bw a_p99 engine < <(run_aibench "$workload")
    else
      read -r a_iops a_bw a_p99 engine < <(run_aibench "$workload")
      read -r f_iops f_bw f_p99 < <(run_fio "$rw" "$bs")
    fi
    if [ "$metric" = iops ]; then f=$f_iops a=$a_iops; unit="IOPS"; else f=$f_bw a=$a_bw; unit="B/s"; fi
    fv+=("$f"); av+=("$a"); fp+=("$f_p99"); ap+=("$a_p99")
    printf '| %s | %s | %d | %.0f | %.0f | %.1f µs | %.1f µs |\n' "$workload" "$unit" "$round" "$f" "$a" \
      "$(python3 -c "print($f_p99*1e6)")" "$(python3 -c "print($a_p99*1e6)")"
  done
  fm=$(median "${fv[@]}"); am=$(median "${av[@]}"); fpm=$(median "${fp[@]}"); apm=$(median "${ap[@]}")
  ratio=$(python3 -c "print(f'{$am/$fm:.3f}')"); pr=$(python3 -c "print(f'{$apm/$fpm:.3f}')")
  paired=$(python3 -c 'import statistics,sys; n=len(sys.argv)//2; a=sys.argv[1:n+1]; f=sys.argv[n+1:]; print(f"{statistics.median(float(x)/float(y) for x, y in zip(a, f)):.3f}")' "${av[@]}" "${fv[@]}")
  printf '| %s | %s | **median** | %.0f | %.0f | %.1f µs | %.1f µs |\n' "$workload" "$unit" "$fm" "$am" \
    "$(python3 -c "print($fpm*1e6)")" "$(python3 -c "print($apm*1e6)")"
  summary+=("$workload: AiBench/fio $unit = $ratio (bar >= 1.0; median of per-round ratios $paired), p99 AiBench/fio = $pr (bar 0.90..1.10), engine $engine")
  python3 -c "import sys; sys.exit(0 if $ratio >= 1.0 and 0.9 <= $pr <= 1.1 else 1)" || status=1
done
printf '\n'
printf '%s\n' "${summary[@]}"
exit $status
