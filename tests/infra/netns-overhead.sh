#!/usr/bin/env bash
# Harness overhead at 64 MiB all-reduce: the plain C MPI_Allreduce loop (native/mpi/allreduce_ref.c) against AiBench's
# net.allreduce, same ranks, same link, same method (warm-up, barrier, MPI_Wtime around the iterations, mean over
# ranks), alternating $ROUNDS times. Runs over the shaped 3-namespace network (tests/infra/netns-hosts.sh, ring
# all-reduce), where the link and not this 2-core machine's CPUs is the limit; LOOPBACK=1 runs 2 ranks on loopback.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
ITER="${ITER:-2}"
REF="${REF:-$ROOT/build/native/allreduce_ref}"
if [[ -z "${AIBENCH:-}" ]]; then
    AIBENCH="dotnet $ROOT/src/AiBench.Cli/bin/Debug/net10.0/aibench.dll"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; [[ "${LOOPBACK:-0}" == 1 ]] || "$ROOT/tests/infra/netns-hosts.sh" down' EXIT

if [[ "${LOOPBACK:-0}" == 1 ]]; then
    MPIRUN=(mpirun --allow-run-as-root --oversubscribe -np 2 --mca btl tcp,self)
else
    "$ROOT/tests/infra/netns-hosts.sh" up >/dev/null
    MPIRUN=(mpirun --allow-run-as-root -np 3 --host 10.77.0.1,10.77.0.2,10.77.0.3
        --mca plm_rsh_agent "$ROOT/tests/infra/netns-hosts.sh agent"
        --mca btl tcp,self --mca btl_tcp_if_include 10.77.0.0/24 --mca oob_tcp_if_include 10.77.0.0/24
        --mca coll_tuned_use_dynamic_rules 1 --mca coll_tuned_allreduce_algorithm 4)
fi

printf '%-6s %14s %14s %8s\n' round "C loop (s)" "AiBench (s)" ratio
for round in $(seq 1 "$ROUNDS"); do
    ref=$(cd "$WORK" && "${MPIRUN[@]}" "$REF" 67108864 "$ITER" 1 3 | awk '/^median/ {print $3}')
    aib=$(cd "$WORK" && "${MPIRUN[@]}" $AIBENCH run net.allreduce --set minbytes=64MiB --set maxbytes=64MiB --set inplace=false \
        --set iterations="$ITER" --set warmup=1 --set check=false --set timeout=300s --min-samples 3 --max-samples 3 --budget 900s \
        --out "$WORK/r$round" 2>&1 | awk '$1 == "67108864" {print $6 / 1e6}')
    printf '%-6s %14s %14s %8s\n' "$round" "$ref" "$aib" "$(awk -v a="$aib" -v r="$ref" 'BEGIN {printf "%.4f", a / r}')"
done
