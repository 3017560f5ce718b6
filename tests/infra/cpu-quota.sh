#!/usr/bin/env bash
# Runs a command with a CPU quota: PERCENT of one core for the command and everything it starts.
#   tests/infra/cpu-quota.sh PERCENT COMMAND [ARGS...]
# The command runs in a cgroup of its own (v1 cpu.cfs_quota_us or v2 cpu.max, period 100 ms), removed when it ends;
# the exit status is the command's. Used to make a client, not the server beside it, the limit (tests/perf).
# Sourced (`. tests/infra/cpu-quota.sh`), it only defines cpu_mount for other scripts (tests/infra/slurm.sh).
# Needs root and a cgroup cpu controller; exit 3 when there is none.

# The cpu controller's mount: "v1 PATH" (a hierarchy with cpu.cfs_quota_us) or "v2 /sys/fs/cgroup"; fails without one.
cpu_mount() {
    local m
    for m in /sys/fs/cgroup/cpu /sys/fs/cgroup/cpu,cpuacct; do
        [ -f "$m/cpu.cfs_quota_us" ] && { echo "v1 $m"; return 0; }
    done
    m=$(awk '$3 == "cgroup" && $4 ~ /(^|,)cpu(,|$)/ { print $2; exit }' /proc/mounts)
    [ -n "$m" ] && [ -f "$m/cpu.cfs_quota_us" ] && { echo "v1 $m"; return 0; }
    if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers; then
        echo "v2 /sys/fs/cgroup"; return 0
    fi
    echo "no cgroup cpu controller found (neither v1 cpu.cfs_quota_us nor v2 cpu.max)" >&2
    return 1
}

# PERCENT and the cgroup's folder: sets the quota (the folder exists).
cpu_quota_set() {
    local kind=$1 cg=$2 percent=$3
    if [ "$kind" = v1 ]; then
        echo 100000 >"$cg/cpu.cfs_period_us"
        echo $(( percent * 1000 )) >"$cg/cpu.cfs_quota_us"
    else
        echo "$(( percent * 1000 )) 100000" >"$cg/cpu.max"
    fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    [[ "${1:-}" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ $# -ge 2 ] || {
        echo "usage: $0 PERCENT COMMAND [ARGS...]   (PERCENT of one core, 1 or more)" >&2; exit 2; }
    percent=$1; shift
    read -r kind mount < <(cpu_mount) || exit 3
    if [ "$kind" = v2 ]; then
        grep -qw cpu "$mount/cgroup.subtree_control" || echo +cpu >"$mount/cgroup.subtree_control"
    fi
    cg=$mount/aibench-quota-$$
    mkdir "$cg"
    cpu_quota_set "$kind" "$cg" "$percent"
    status=0
    # The child joins the cgroup before it execs the command, so nothing it starts runs outside the quota.
    bash -c 'echo $$ >"$1/cgroup.procs"; shift; exec "$@"' cpu-quota "$cg" "$@" || status=$?
    # Processes left behind (daemonised children) go back to the root group, so the folder can be removed.
    for _ in 1 2 3 4 5; do
        while read -r p; do echo "$p" >"$mount/cgroup.procs" 2>/dev/null || true; done <"$cg/cgroup.procs"
        rmdir "$cg" 2>/dev/null && break
        sleep 0.1
    done
    exit "$status"
fi
