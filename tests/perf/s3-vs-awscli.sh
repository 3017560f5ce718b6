#!/usr/bin/env bash
# storage.s3 against the AWS CLI on the same endpoint, same object size and concurrency, alternating rounds
# (issue 4's proof). Starts the local Ceph RGW (tests/infra/rgw.sh) unless AWS_ENDPOINT_URL is already set.
#   tests/perf/s3-vs-awscli.sh [ROUNDS]
# Environment: SIZE_MIB (default 64), OBJECTS (default 16), CONCURRENCY (default 8), DURATION seconds for AiBench
# (default 10), AWS_CLI (default Debian's /usr/bin/aws, else aws on PATH).
# AWS CLI: `aws s3 cp --recursive` of OBJECTS files between /dev/shm and a bucket with
# s3.max_concurrent_requests = CONCURRENCY (its default 8 MiB multipart parts), timed with the wall clock:
# throughput = OBJECTS * SIZE / seconds, process start included (a few hundred ms against seconds of transfer).
# AiBench: storage.s3 op=put and op=get, size=SIZE, concurrency=CONCURRENCY; its figure is the whole measured
# window's average (info "average"), warp's headline number.
# Bar: AiBench's median PUT and GET throughput >= the CLI's. Exit 0 when both hold, 1 otherwise.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
ROOT=$PWD
ROUNDS=${1:-${ROUNDS:-3}}
SIZE_MIB=${SIZE_MIB:-64}
OBJECTS=${OBJECTS:-16}
CONCURRENCY=${CONCURRENCY:-8}
DURATION=${DURATION:-10}
AWS_CLI=${AWS_CLI:-$( [ -x /usr/bin/aws ] && echo /usr/bin/aws || command -v aws || true)}
[ -n "$AWS_CLI" ] || { echo "the AWS CLI is missing: apt-get install awscli" >&2; exit 3; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 3; }
./run.sh list >/dev/null   # incremental: builds only when a source is newer than build/bin
AIBENCH="$ROOT/build/bin/aibench"

if [ -z "${AWS_ENDPOINT_URL:-}" ]; then
  eval "$(tests/infra/rgw.sh start)"
fi

WORK=$(mktemp -d /dev/shm/aibench-vs-awscli.XXXXXX)
BUCKET="aibench-vs-awscli-$(date +%s)"
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
mkdir -p "$WORK/up" "$WORK/down"
for i in $(seq "$OBJECTS"); do head -c "$((SIZE_MIB << 20))" /dev/urandom >"$WORK/up/obj$i"; done
cli s3 mb "s3://$BUCKET" >/dev/null
TOTAL=$((OBJECTS * (SIZE_MIB << 20)))

seconds() { python3 -c 'import sys,time; print(time.time())'; }

# Prints "put_bytes_per_s get_bytes_per_s".
run_cli() {
  local round=$1 t0 t1 t2
  t0=$(seconds)
  cli s3 cp --only-show-errors --recursive "$WORK/up" "s3://$BUCKET/r$round/"
  t1=$(seconds)
  cli s3 cp --only-show-errors --recursive "s3://$BUCKET/r$round/" "$WORK/down/"
  t2=$(seconds)
  cmp -s "$WORK/up/obj1" "$WORK/down/obj1" || { echo "the CLI read back different bytes" >&2; exit 1; }
  rm -rf "$WORK/down"/*
  cli s3 rm --only-show-errors --recursive "s3://$BUCKET/r$round/" >/dev/null
  python3 -c "print($TOTAL/($t1-$t0), $TOTAL/($t2-$t1))"
}

run_aibench() {
  local out="$WORK/results"
  rm -rf "$out"
  "$AIBENCH" run storage.s3 --out "$out" --set op=put,get --set size="${SIZE_MIB}MiB" --set concurrency="$CONCURRENCY" \
      --set objects="$OBJECTS" --set duration="${DURATION}s" --set warmup=2s --set checksum=when-required >/dev/null 2>&1 \
    || { echo "aibench failed" >&2; exit 1; }
  python3 - "$out" <<'PY'
import json, sys, glob
run = json.load(open(glob.glob(sys.argv[1] + "/*/run.json")[0]))
avg = {m["labels"]["operation"]: float(m["info"]["average"]) for m in run["measurements"] if m["metric"] == "throughput"}
wrong = sum(m.get("correct", {}).get("wrong", 0) for m in run["measurements"])
assert wrong == 0, "wrong data read back"
print(avg["put"], avg["get"])
PY
}

echo "endpoint $AWS_ENDPOINT_URL; $OBJECTS x $SIZE_MIB MiB, concurrency $CONCURRENCY; $("$AWS_CLI" --version 2>&1 | cut -d' ' -f1)" >&2
cli_put=() cli_get=() ai_put=() ai_get=()
for r in $(seq "$ROUNDS"); do
  read -r p g < <(run_cli "$r"); cli_put+=("$p"); cli_get+=("$g")
  read -r p g < <(run_aibench); ai_put+=("$p"); ai_get+=("$g")
  echo "round $r: cli put $(printf %.0f "${cli_put[-1]}") get $(printf %.0f "${cli_get[-1]}"); aibench put $(printf %.0f "${ai_put[-1]}") get $(printf %.0f "${ai_get[-1]}") B/s" >&2
done

python3 - "${cli_put[*]}" "${cli_get[*]}" "${ai_put[*]}" "${ai_get[*]}" <<'PY'
import statistics, sys
cp, cg, ap, ag = ([float(x) for x in a.split()] for a in sys.argv[1:5])
ok = True
print("| operation | AWS CLI (median) | AiBench (median) | ratio | bar |")
print("|---|---:|---:|---:|---|")
for name, c, a in (("PUT", cp, ap), ("GET", cg, ag)):
    mc, ma = statistics.median(c), statistics.median(a)
    good = ma >= mc
    ok &= good
    print(f"| {name} | {mc/1e6:.1f} MB/s | {ma/1e6:.1f} MB/s | {ma/mc:.2f} | {'>= 1.0 ok' if good else '>= 1.0 FAILED'} |")
sys.exit(0 if ok else 1)
PY
