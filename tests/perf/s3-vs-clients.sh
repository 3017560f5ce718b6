#!/usr/bin/env bash
# storage.s3 against rclone and the AWS CLI on the same endpoint, object size and concurrency, in alternating rounds:
# throughput and client CPU seconds per GB (issue 15: storage clients that beat fio and rclone where the CPU is the
# limit). Starts the local Ceph RGW (tests/infra/rgw.sh) unless AWS_ENDPOINT_URL is already set.
#   tests/perf/s3-vs-clients.sh [ROUNDS]
# Environment: SIZE_MIB (default 64), OBJECTS (default 16), CONCURRENCY (default 8), DURATION seconds for AiBench
# (default 10), RCLONE (default rclone on PATH), AWS_CLI (default Debian's /usr/bin/aws, else aws on PATH),
# CLIENT_CPU_PERCENT (unset: no limit): every client runs under the same CPU quota, PERCENT of one core
# (tests/infra/cpu-quota.sh), so that the client and not the gateway beside it on the same cores is the limit, as on
# a node whose cores are busy with other work (the question of issue 15: which client wins where the CPU is the limit).
# Each round runs the three tools in a rotated order (PUTs, then GETs of what each wrote):
#   rclone:  rclone copy --transfers CONCURRENCY --checkers CONCURRENCY between /dev/shm and the bucket (an S3 remote
#            given by RCLONE_CONFIG_* variables, provider Ceph; single-part PUTs below its 200 MiB upload cutoff)
#   AWS CLI: aws s3 cp --recursive with s3.max_concurrent_requests = CONCURRENCY (its default 8 MiB multipart parts)
#   AiBench: storage.s3 op=put,get size=SIZE concurrency=CONCURRENCY objects=OBJECTS duration=DURATION warmup=2s,
#            then op=multipart-get part-size=8MiB part-concurrency=4 concurrency=CONCURRENCY/4 (the AWS CLI's download:
#            8 MiB ranged GETs, CONCURRENCY in flight), compared with the AWS CLI's GET
# Throughput: the CLIs' OBJECTS * SIZE / wall seconds (process start included); AiBench's whole measured window
# (warp's Average). CPU seconds per GB (10^9 bytes): the CLIs' user+sys CPU of the whole process (getrusage of the
# child, start-up included) / bytes moved; AiBench's info.cpuSecondsPerGB (its process over the measured window only).
# Ratios are per round (AiBench / tool), and the table gives their median.
# Bars (issue 15): AiBench's median per-round PUT and GET ratio >= 1.2 against rclone (both whole-object) and >= 1.0
# against the AWS CLI (PUT; GET as multipart-get, the AWS CLI's own way to download).
# Exit 0 when every bar holds, 1 otherwise.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
ROOT=$PWD
ROUNDS=${1:-${ROUNDS:-3}}
SIZE_MIB=${SIZE_MIB:-64}
OBJECTS=${OBJECTS:-16}
CONCURRENCY=${CONCURRENCY:-8}
DURATION=${DURATION:-10}
PARTS=4   # multipart-get: parts of one object in flight (CONCURRENCY / PARTS objects at once)
RCLONE=${RCLONE:-$(command -v rclone || true)}
# rclone's AWS SDK fails on an AWS_CA_BUNDLE with its own HTTP transport ("LoadCustomCABundleError"); the endpoint is
# plain HTTP on loopback, so rclone runs without it.
RCLONE_RUN=(env -u AWS_CA_BUNDLE)
AWS_CLI=${AWS_CLI:-$( [ -x /usr/bin/aws ] && echo /usr/bin/aws || command -v aws || true)}
[ -n "$RCLONE" ] || { echo "rclone is missing: apt-get install rclone" >&2; exit 3; }
[ -n "$AWS_CLI" ] || { echo "the AWS CLI is missing: apt-get install awscli" >&2; exit 3; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 3; }
if [ -z "${AIBENCH_SKIP_BUILD:-}" ]; then ./run.sh list >/dev/null; fi   # incremental: builds only when a source is newer
AIBENCH="$ROOT/build/bin/aibench"
QUOTA=()
if [ -n "${CLIENT_CPU_PERCENT:-}" ]; then QUOTA=("$ROOT/tests/infra/cpu-quota.sh" "$CLIENT_CPU_PERCENT"); fi

if [ -z "${AWS_ENDPOINT_URL:-}" ]; then
  eval "$(tests/infra/rgw.sh start)"
fi

WORK=$(mktemp -d /dev/shm/aibench-vs-clients.XXXXXX)
BUCKET="aibench-vs-clients-$(date +%s)"
ROWS="$WORK/rows.tsv"   # round tool operation bytes_per_second cpu_seconds_per_gb
cli() { "$AWS_CLI" --endpoint-url "$AWS_ENDPOINT_URL" "$@"; }
cleanup() {
  cli s3 rb --force "s3://$BUCKET" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

export AWS_CONFIG_FILE="$WORK/aws-config"
cat >"$AWS_CONFIG_FILE" <<EOF
[default]
region = ${AWS_REGION:-us-east-1}
s3 =
  max_concurrent_requests = $CONCURRENCY
EOF
export RCLONE_CONFIG="$WORK/rclone.conf" RCLONE_CONFIG_AIB_TYPE=s3 RCLONE_CONFIG_AIB_PROVIDER=Ceph \
  RCLONE_CONFIG_AIB_ENDPOINT="$AWS_ENDPOINT_URL" RCLONE_CONFIG_AIB_ACCESS_KEY_ID="$AWS_ACCESS_KEY_ID" \
  RCLONE_CONFIG_AIB_SECRET_ACCESS_KEY="$AWS_SECRET_ACCESS_KEY" RCLONE_CONFIG_AIB_REGION="${AWS_REGION:-us-east-1}"
: >"$RCLONE_CONFIG"
mkdir -p "$WORK/up" "$WORK/down"
for i in $(seq "$OBJECTS"); do head -c "$((SIZE_MIB << 20))" /dev/urandom >"$WORK/up/obj$i"; done
cli s3 mb "s3://$BUCKET" >/dev/null
TOTAL=$((OBJECTS * (SIZE_MIB << 20)))

# Runs a command; appends "round tool operation bytes/s cpu-s/GB" (wall clock and the child's user+sys CPU).
measure() { # round tool operation command...
  local round=$1 tool=$2 op=$3; shift 3
  python3 - "$TOTAL" "$round" "$tool" "$op" ${QUOTA[@]+"${QUOTA[@]}"} "$@" >>"$ROWS" <<'PY'
import resource, subprocess, sys, time
total, r, tool, op, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
t0 = time.monotonic()
subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
wall = time.monotonic() - t0
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(r, tool, op, total / wall, cpu / (total / 1e9), sep="\t")
PY
}

check_download() { # tool
  cmp -s "$WORK/up/obj1" "$WORK/down/obj1" || { echo "$1 read back different bytes" >&2; exit 1; }
  rm -rf "$WORK/down"/*
}

run_rclone() { # round
  measure "$1" rclone put "${RCLONE_RUN[@]}" "$RCLONE" copy --transfers "$CONCURRENCY" --checkers "$CONCURRENCY" "$WORK/up" "aib:$BUCKET/rclone$1"
  measure "$1" rclone get "${RCLONE_RUN[@]}" "$RCLONE" copy --transfers "$CONCURRENCY" --checkers "$CONCURRENCY" "aib:$BUCKET/rclone$1" "$WORK/down"
  check_download rclone
  cli s3 rm --only-show-errors --recursive "s3://$BUCKET/rclone$1/" >/dev/null
}

run_awscli() { # round
  measure "$1" awscli put "$AWS_CLI" --endpoint-url "$AWS_ENDPOINT_URL" s3 cp --only-show-errors --recursive "$WORK/up" "s3://$BUCKET/aws$1/"
  measure "$1" awscli get "$AWS_CLI" --endpoint-url "$AWS_ENDPOINT_URL" s3 cp --only-show-errors --recursive "s3://$BUCKET/aws$1/" "$WORK/down/"
  check_download awscli
  cli s3 rm --only-show-errors --recursive "s3://$BUCKET/aws$1/" >/dev/null
}

run_aibench() { # round
  aibench_case "$1" --set op=put,get --set concurrency="$CONCURRENCY"
  # The AWS CLI's way to download: 8 MiB ranged parts, CONCURRENCY requests in flight over all objects.
  aibench_case "$1" --set op=multipart-get --set part-size=8MiB --set part-concurrency="$PARTS" \
      --set concurrency="$(( CONCURRENCY / PARTS > 0 ? CONCURRENCY / PARTS : 1 ))"
}

aibench_case() { # round settings...
  local round=$1 out="$WORK/results"; shift
  rm -rf "$out"
  ${QUOTA[@]+"${QUOTA[@]}"} "$AIBENCH" run storage.s3 --out "$out" --set size="${SIZE_MIB}MiB" "$@" \
      --set objects="$OBJECTS" --set duration="${DURATION}s" --set warmup=2s --set checksum=when-required \
      --set bucket="$BUCKET" >/dev/null 2>&1 || { echo "aibench failed" >&2; exit 1; }
  python3 - "$out" "$round" >>"$ROWS" <<'PY'
import glob, json, sys
run = json.load(open(glob.glob(sys.argv[1] + "/*/run.json")[0]))
wrong = sum(m.get("correct", {}).get("wrong", 0) for m in run["measurements"])
assert wrong == 0, "wrong data read back"
for m in run["measurements"]:
    if m["metric"] == "throughput":
        print(sys.argv[2], "aibench", m["labels"]["operation"], m["samples"][0], m["info"]["cpuSecondsPerGB"], sep="\t")
PY
}

echo "endpoint $AWS_ENDPOINT_URL; $OBJECTS x $SIZE_MIB MiB, concurrency $CONCURRENCY; client CPU ${CLIENT_CPU_PERCENT:-unlimited}${CLIENT_CPU_PERCENT:+% of a core}; $("$RCLONE" version | head -1); $("$AWS_CLI" --version 2>&1 | cut -d' ' -f1)" >&2
# A fresh gateway serves its first writes slower (round 1's first tool paid for it, 0.87x in a run on 2026-12-01):
# one unmeasured pass of AiBench's PUTs and GETs under its own prefix warms it for every tool.
DURATION_MEASURED=$DURATION; DURATION=4
aibench_case 0 --set op=put,get --set concurrency="$CONCURRENCY"
DURATION=$DURATION_MEASURED
: >"$ROWS"
TOOLS=(aibench rclone awscli)
for r in $(seq "$ROUNDS"); do
  for k in 0 1 2; do
    tool=${TOOLS[$(((r - 1 + k) % 3))]}
    "run_$tool" "$r"
  done
  awk -F'\t' -v r="$r" '$1 == r { printf "round %s: %-7s %s %7.1f MB/s %6.3f CPU s/GB\n", r, $2, $3, $4 / 1e6, $5 }' "$ROWS" >&2
done

python3 - "$ROWS" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = {(r, t, o): (float(b), float(c)) for r, t, o, b, c in rows}
rounds = sorted({r for r, *_ in rows}, key=int)
ok = True
print("| operation | tool | MB/s (median) | CPU s/GB (median) | AiBench/tool throughput, median of per-round ratios | rounds | AiBench/tool CPU s/GB, median | bar |")
print("|---|---|---:|---:|---:|---|---:|---|")
# (AiBench's operation, the tool's operation): whole-object PUT and GET against both; AiBench's ranged multipart-get
# against the AWS CLI's GET, which downloads the same way. The whole-object GET against the AWS CLI's ranged one is
# shown without a bar (different methods: RGW serves 8 MiB ranges faster than a 64 MiB stream).
for op, tool_op, tools in (("put", "put", (("rclone", 1.2), ("awscli", 1.0))), ("get", "get", (("rclone", 1.2), ("awscli", None))),
                           ("multipart-get", "get", (("awscli", 1.0),))):
    rate = statistics.median(by[(r, "aibench", op)][0] for r in rounds)
    cpu = statistics.median(by[(r, "aibench", op)][1] for r in rounds)
    print(f"| {op.upper()} | AiBench | {rate/1e6:.1f} | {cpu:.3f} | | | | |")
    for tool, bar in tools:
        rate = statistics.median(by[(r, tool, tool_op)][0] for r in rounds)
        cpu = statistics.median(by[(r, tool, tool_op)][1] for r in rounds)
        per_round = [by[(r, "aibench", op)][0] / by[(r, tool, tool_op)][0] for r in rounds]
        ratio = statistics.median(per_round)
        rounds_text = ", ".join(f"{x:.2f}" for x in per_round)
        cpu_ratio = statistics.median(by[(r, "aibench", op)][1] / by[(r, tool, tool_op)][1] for r in rounds)
        good = bar is None or ratio >= bar
        ok &= good
        verdict = "other method, no bar" if bar is None else f">= {bar} {'ok' if good else 'FAILED'}"
        print(f"| {op.upper()} | {tool} | {rate/1e6:.1f} | {cpu:.3f} | {ratio:.2f} | {rounds_text} | {cpu_ratio:.2f} | {verdict} |")
sys.exit(0 if ok else 1)
PY
