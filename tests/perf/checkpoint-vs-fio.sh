#!/usr/bin/env bash
# storage.checkpoint and storage.dataset against fio doing the same I/O, alternating rounds in one script.
#   tests/perf/checkpoint-vs-fio.sh [FOLDER] [ROUNDS]
# FOLDER: a disk file system (default /var/tmp). Environment: SIZE checkpoint bytes (default 2G), WRITERS (default 4),
# FILES and FILE_SIZE of the dataset (default 64 × 32M), READERS (default 4), ROUNDS (default 3); AIBENCH and FIO name
# the binaries (default build/bin/aibench, built when missing, and fio on PATH).
# Checkpoint: AiBench writes SIZE as WRITERS shards of 4 MiB buffered writes, fsync, close; fio the same
# (--rw=write --bs=4m --numjobs=WRITERS --fsync_on_close=1, psync). Restore: both read them back after dropping
# them from the cache (AiBench posix_fadvise DONTNEED; fio --invalidate=1, the same call). Dataset: AiBench reads FILES
# files whole in 1 MiB reads in random order with READERS threads; fio READERS jobs of FILES/READERS files each,
# sequentially, --invalidate=1. Each tool writes its dataset afresh every round and reads it twice, the second read
# (after sync and 2 s) counted. AiBench runs with verify=false here (fio checks nothing); figures are bytes over wall
# time for both (fio: its group's bw_bytes). Prints every round and the median of per-round ratios AiBench / fio.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
ROOT=$PWD
DIR=${1:-/var/tmp}
ROUNDS=${2:-${ROUNDS:-3}}
SIZE=${SIZE:-2G}
WRITERS=${WRITERS:-4}
FILES=${FILES:-64}
FILE_SIZE=${FILE_SIZE:-32M}
READERS=${READERS:-4}
FIO=${FIO:-fio}
command -v "$FIO" >/dev/null || { echo "fio is missing: apt-get install fio" >&2; exit 3; }
if [ -z "${AIBENCH:-}" ]; then
  ./run.sh list >/dev/null
  AIBENCH="$ROOT/build/bin/aibench"
fi

WORK=$(mktemp -d "$DIR/aibench-ckpt-vs-fio.XXXXXX")
ROWS="$WORK/rows.tsv"
trap 'rm -rf "$WORK"' EXIT
bytes() { numfmt --from=iec "$1"; }
SHARD=$(( $(bytes "$SIZE") / WRITERS ))
PER_READER=$(( FILES / READERS ))

aibench_figure() { # run-folder metric -> median in B/s
  jq -r --arg m "$2" '.measurements[] | select(.metric == $m and (.labels.percentile // "") == "") | .stats.median' "$1"/*/run.json
}

# Each read phase starts from the same state for both tools: the previous phase's deleted files freed and written
# back. Without it AiBench's dataset read ran right after its checkpoint's 2 GiB were deleted and read 0.77 of fio,
# while the same read alone ran at fio's rate (2026-12-01).
settle() { sync; sleep 2; }

dataset=("$AIBENCH" run storage.dataset --set shape=custom --set files="$FILES" --set file-size="$FILE_SIZE"
  --set readers="$READERS" --set request=1MiB --set epochs=1 --set verify=false --set folder="$WORK")

run_aibench() { # round
  settle
  rm -rf "$WORK/a"
  "$AIBENCH" run storage.checkpoint --set size="$SIZE" --set writers="$WRITERS" --set request=4MiB --set checkpoints=1 \
      --set verify=false --set folder="$WORK" --out "$WORK/a" >/dev/null 2>&1
  printf 'checkpoint-write\taibench\t%s\t%s\n' "$1" "$(aibench_figure "$WORK/a" write_bandwidth)" >>"$ROWS"
  printf 'checkpoint-restore\taibench\t%s\t%s\n' "$1" "$(aibench_figure "$WORK/a" restore_bandwidth)" >>"$ROWS"
  rm -rf "$WORK/a"
  # The dataset is written afresh every round, as fio's is, by a run of its own (its one epoch not counted), then read
  # by a second run that reuses it: the read starts after `settle`, as fio's does, so both read files of the same age.
  rm -rf "$WORK"/aibench-dataset-*
  "${dataset[@]}" --out "$WORK/a" >/dev/null 2>&1
  rm -rf "$WORK/a"
  settle
  "${dataset[@]}" --out "$WORK/a" >/dev/null 2>&1
  printf 'dataset-read\taibench\t%s\t%s\n' "$1" "$(aibench_figure "$WORK/a" bandwidth)" >>"$ROWS"
}

fio_bw() { jq -r '[.jobs[] | (.read.bw_bytes + .write.bw_bytes)] | add'; }

run_fio() { # round
  settle
  mkdir -p "$WORK/f"
  "$FIO" --name=ckpt --directory="$WORK/f" --rw=write --bs=4m --size="$SHARD" --numjobs="$WRITERS" --ioengine=psync \
      --fsync_on_close=1 --group_reporting --output-format=json | fio_bw | xargs printf 'checkpoint-write\tfio\t%s\t%s\n' "$1" >>"$ROWS"
  "$FIO" --name=ckpt --directory="$WORK/f" --rw=read --bs=4m --size="$SHARD" --numjobs="$WRITERS" --ioengine=psync \
      --invalidate=1 --group_reporting --output-format=json | fio_bw | xargs printf 'checkpoint-restore\tfio\t%s\t%s\n' "$1" >>"$ROWS"
  rm -rf "$WORK/f"; mkdir -p "$WORK/f"
  "$FIO" --name=ds --directory="$WORK/f" --rw=write --bs=1m --nrfiles="$PER_READER" --filesize="$FILE_SIZE" --numjobs="$READERS" \
      --ioengine=psync --fsync_on_close=1 --output=/dev/null
  # One unmeasured read first, as AiBench's dataset is read once by the run that writes it: the first read after a
  # write ran 5-10% faster than later ones here (5162/4825/5100 against 4540-5005 MB/s, 2026-12-02).
  local read=("$FIO" --name=ds --directory="$WORK/f" --rw=read --bs=1m --nrfiles="$PER_READER" --filesize="$FILE_SIZE"
    --numjobs="$READERS" --ioengine=psync --invalidate=1 --file_service_type=sequential --group_reporting)
  settle
  "${read[@]}" --output=/dev/null
  settle
  "${read[@]}" --output-format=json | fio_bw | xargs printf 'dataset-read\tfio\t%s\t%s\n' "$1" >>"$ROWS"
  rm -rf "$WORK/f"
}

for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then run_aibench "$round"; run_fio "$round"; else run_fio "$round"; run_aibench "$round"; fi
  echo "round $round of $ROUNDS done" >&2
done

python3 - "$ROWS" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    what, tool, rnd, value = line.split("\t")
    rows[(what, int(rnd))][tool] = float(value)
print(f"{'figure':20} {'round':>5} {'aibench MB/s':>13} {'fio MB/s':>10} {'ratio':>6}")
ratios = collections.defaultdict(list)
for (what, rnd), tools in sorted(rows.items()):
    r = tools["aibench"] / tools["fio"]
    ratios[what].append(r)
    print(f"{what:20} {rnd:5} {tools['aibench']/1e6:13.1f} {tools['fio']/1e6:10.1f} {r:6.2f}")
for what, rs in ratios.items():
    print(f"median ratio {what}: {statistics.median(rs):.2f} (rounds: {', '.join(f'{r:.2f}' for r in rs)})")
PY
