#!/usr/bin/env bash
# storage.io against fio on another machine (one without .NET): a published, self-contained AiBench and a fio
# binary side by side, on a file in FOLDER, through tests/perf/storage-vs-fio.sh (same file, same parameters,
# alternating rounds). Prints the machine, the disk behind FOLDER, and the comparison table.
#
#   tests/hardware/storage-check.sh [FOLDER] [ROUNDS]      # FOLDER default: the current folder's file system
#
# Expects ./publish/aibench (dotnet publish ... -o publish, see gpu-check.sh), ./publish/fio (a static fio is
# fine: ./configure --build-static) and, where the machine lacks them, the native library's dependencies
# (liburing.so.2, libaio.so.1, libgomp.so.1) in ./publish/lib. Results: the table on stdout; exit as the script.
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
FOLDER=${1:-$PWD}
ROUNDS=${2:-5}
export AIBENCH=${AIBENCH:-$PWD/publish/aibench}
export FIO=${FIO:-$PWD/publish/fio}
export LD_LIBRARY_PATH="$PWD/publish/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

printf '==== machine ====\n'
grep -m1 'model name' /proc/cpuinfo; nproc; uname -r; head -2 /etc/os-release
printf '\n==== disk behind %s ====\n' "$FOLDER"
df -hT "$FOLDER"
lsblk -d -o NAME,MODEL,SIZE,ROTA,TRAN,TYPE 2>/dev/null | head -20
printf '\n==== AiBench sees ====\n'
"$AIBENCH" list 2>&1 | grep -E '^storage.io' || { echo "storage.io is not available here"; "$AIBENCH" list 2>&1 | head -20; }

printf '\n==== storage.io vs fio ====\n'
tests/perf/storage-vs-fio.sh "$FOLDER" "$ROUNDS"
