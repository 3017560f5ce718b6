#!/usr/bin/env bash
# A real Slurm 22.05 cluster of four compute nodes on one Linux machine: one network namespace per node, from Debian's
# packages (slurmctld, slurmd, munge, Open MPI with PMIx). Needs root (or sudo), iproute2 and util-linux.
#
#   tests/infra/slurm.sh start                 install missing packages, start (or reuse) the cluster, wait until
#                                              sinfo shows 4 idle nodes and `srun -N4 hostname` answers
#   tests/infra/slurm.sh stop                  cancel jobs, stop our daemons (recorded pids, TERM then KILL) and what
#                                              still runs in our namespaces; remove namespaces, cgroups, run folder
#   tests/infra/slurm.sh status                daemons, shapers, cpu limits and sinfo; exit 1 when not running
#   tests/infra/slurm.sh exec CMD...           CMD on the controller ("login node"): srun, sbatch, squeue, mpirun ...
#   tests/infra/slurm.sh node N CMD...         CMD inside node N's namespaces (fault injection: kill, ip, tc ...)
#   tests/infra/slurm.sh nodepids N [PATTERN]  pids whose network namespace is node N's (PATTERN: as pgrep -f)
#   tests/infra/slurm.sh shape N RATE          tbf on node N's link, both directions (RATE like 200mbit)
#   tests/infra/slurm.sh unshape N
#   tests/infra/slurm.sh shape-all RATE        every node's link
#   tests/infra/slurm.sh unshape-all           every shaper: links and paths
#   tests/infra/slurm.sh shape-path A B RATE   only the traffic between nodes A and B, both directions
#   tests/infra/slurm.sh unshape-path A B
#   tests/infra/slurm.sh cpu-limit N PERCENT   node N's slurmd and everything it started: PERCENT of one core (CFS quota)
#   tests/infra/slurm.sh cpu-unlimit N
#   tests/infra/slurm.sh agent [OPTS] HOST CMD Open MPI's rsh agent: mpirun --mca plm_rsh_agent "tests/infra/slurm.sh agent"
#
# Topology: namespace aibslurm-ctl (hostname slurmctl, 10.79.0.10 on the bridge aibslurm0, slurmctld) and
# aibslurm-n1..n4 (hostnames node1..node4, 10.79.0.11..14 on eth0, one slurmd each), each node joined to the bridge by
# a veth (aibslurm-vN on the controller's side). Nothing is added to the root namespace (no clash with netns-hosts.sh's
# 10.77.0.0/24), the host's /etc/hosts is never changed: every process started here gets a mount namespace of its own
# whose only change is the run folder's hosts file over /etc/hosts, so node1..node4 and slurmctl resolve inside the
# cluster (not outside it). The filesystem is otherwise shared: absolute paths mean the same on every node ("shared
# filesystem"), /tmp included. Each node advertises all of the machine's CPUs. One private munged (root namespace,
# unix socket only) serves every daemon. Run folder: $AIBENCH_SLURM_RUN (default /var/tmp/aibench-slurm), marked as
# ours; only a marked folder is ever removed. One cluster per machine (the namespace names are fixed). Bounded: a job
# gets one hour unless it asks (at most four); the script's own client calls time out (10 s, srun 30 s).
#
# MPI: MpiDefault=pmix, so `exec srun -N4 ./prog` starts MPI programs (Debian's Open MPI 4.1 has no PMI-1/PMI-2).
# exec sets, unless the caller already has them, OMPI_MCA_pml=ob1, OMPI_MCA_btl=self,vader,tcp and
# OMPI_MCA_{btl_tcp,oob_tcp}_if_include=10.79.0.0/24; srun passes them on to the tasks, and a TaskProlog sets them
# for tasks that do not inherit the caller's environment (--export=NONE). Open MPI's own choice here is the same (ob1
# over tcp: node3 shaped to 100mbit slowed its pairs to 11.4-11.9 MB/s with or without them); they pin it, so that no
# UCX or libfabric shared-memory transport (all "nodes" are one machine) ever carries traffic between nodes past the
# veths and their shapers. vader (shared memory) is used only between ranks of the same node.
# mpirun: `exec mpirun --allow-run-as-root --mca plm_rsh_agent "tests/infra/slurm.sh agent" --host node1,node2 ...`
# (names or addresses); mpirun must run on the controller (exec): the root namespace has no route to 10.79.0.0/24.
#
# Shaping: `shape` puts a tbf (burst 64 KiB or 2 ms at the rate, queue 100 ms) on both ends of the node's veth.
# `shape-path` uses an htb on each of the two nodes' eth0 with a u32 filter on the peer's address (the node's link
# rate, when shaped too, caps it); the rest of their traffic is untouched. htb, not prio+tbf or netem: the dev VM's
# kernel has tbf, htb, ingress and u32 but neither prio nor netem.
# cpu-limit moves every process in node N's network namespace (slurmd, running steps) into a cgroup of ours
# (aibench-slurm-nN, v1 cpu.cfs_quota_us or v2 cpu.max); steps slurmd starts later inherit it. Processes started later
# through agent or node are not slurmd's children: call cpu-limit again after starting them.
#
# Measured on the 2-core Debian 12 dev VM (cgroup v1), while other builds kept it at load 11-28:
#   start 3.6-6.6 s (packages present), reuse of a running cluster 1.0-1.4 s, stop 1.9-3.2 s (6 s with a job running).
#   Goodput of a 4 MiB MPI_Send loop node1 -> node2, both shaped to 200mbit (srun --mpi=pmix, ob1/tcp): 23.4-23.65 MB/s
#   = 0.94-0.95 x 25 MB/s (Ethernet/IP/TCP headers are the rest); unshaped: ~960 MB/s (CPU-bound).
#   shape-path 1 2 50mbit: node1<->node2 ping-pong 6.0 MB/s (0.96 x 6.25), the other five pairs unchanged (170-370 MB/s);
#   with node1 also shaped to 200mbit: node1's other pairs 22-23 MB/s, node1<->node2 still 6.0 MB/s.
#   cpu-limit 2 25: a CPU-bound task on node2 got 0.50 s of CPU in 2 s (25 %), the same task on node1 1.23 s.
#
# Pitfalls (see also the notes this was built from):
#  - `ip netns exec` remounts /sys, /sys/fs/cgroup vanishes and slurmd 22.05 dies ("Unable to initialize cgroup
#    plugin"): every process enters a namespace with `nsenter --net` instead.
#  - mpi/pmix creates TmpFS/spmix_appdir_<uid>_<job>.<step> on every node: TmpFS is per node (RUN/nodeN/tmp).
#  - munged refuses a socket folder without o+x (0755 here); MailProg must exist (/bin/true).
#  - slurmstepd ignores SIGTERM: stop cancels jobs first, then TERM, then KILL.
#  - Harmless slurmd log noise per pmix step: "rmdir_recursive: could not open .../spmix_appdir_...".
#  - A daemon's recorded pid must be the daemon: `(cd / && setsid ... &)` backgrounds a subshell that forks (its pid is
#    bash's); one simple command in the background, and setsid/nsenter/unshare/sh each exec the next.
#  - The start/stop/shape lock is a descriptor on this file: daemons must not inherit it (9<&-), or the next stop waits.
#  - pid 1 of the dev VM's container reaps slowly: a zombie counts as gone.
#  - Slurm's default PMIx fences (a ring for Open MPI's modex, a tree for its barrier at the end of MPI_Init) let a
#    rank leave MPI_Init and send while another was still waiting for the modex, whose ob1 had not registered its
#    receive callbacks yet: a SIGSEGV at address 0 from btl/tcp's receive handler (tag 0x41, a MATCH fragment; gdb)
#    in ~1 of 20 `srun -N4 --mpi=pmix` starts on the loaded VM (7 of ~150). mpi.conf PMIxCollFence=tree (both fences
#    trees): 0 of 180 under the same load. KillOnBadExit=1 ends a step whose rank died (the others would hang).
set -euo pipefail

SCRIPT=$(readlink -f "${BASH_SOURCE[0]}")
RUN=${AIBENCH_SLURM_RUN:-/var/tmp/aibench-slurm}
RUN=${RUN%/}
CONF=$RUN/slurm.conf
MARK=$RUN/.aibench-slurm
NODES=(1 2 3 4)
NET=10.79.0
SUBNET=$NET.0/24
CTL=aibslurm-ctl
BRIDGE=aibslurm0
CGROUP_NAME=aibench-slurm
PACKAGES=(slurmd slurmctld slurm-client munge openmpi-bin libopenmpi-dev iproute2 util-linux procps)
MPI_ENV=("OMPI_MCA_pml=ob1" "OMPI_MCA_btl=self,vader,tcp" "OMPI_MCA_btl_tcp_if_include=$SUBNET" "OMPI_MCA_oob_tcp_if_include=$SUBNET")
# Run inside a fresh UTS and mount namespace: sh -c "$ENTER" HOSTS_FILE HOSTNAME CMD...
# shellcheck disable=SC2016
ENTER='mount --bind "$0" /etc/hosts && hostname "$1" && shift && exec "$@"'

say() { printf 'slurm.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Everything but install needs root: re-run the whole command under sudo when not root.
need_root() {
    [ "$(id -u)" -eq 0 ] && return
    command -v sudo >/dev/null || die "needs root (or sudo)"
    exec sudo -E "$SCRIPT" "$@"
}

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return
    command -v apt-get >/dev/null || die "need ${missing[*]} (Debian/Ubuntu packages) and apt-get is missing"
    say "installing ${missing[*]}"
    as_root apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || die "apt-get could not install ${missing[*]}"
}

node_ns() { echo "aibslurm-n$1"; }
node_addr() { echo "$NET.1$1"; }
check_node() { [[ "${1:-}" =~ ^[1-4]$ ]] || die "no node '${1:-}': nodes are 1..4"; }

# A recorded pid counts only while it is still our daemon: its command line names our run folder (pids are reused).
ours() { [ -n "${1:-}" ] && { tr '\0' ' ' <"/proc/$1/cmdline"; } 2>/dev/null | grep -qF -- "$RUN/"; }
pid_of() { local p; [ -s "$RUN/pids/$1" ] && p=$(cat "$RUN/pids/$1") && ours "$p" && echo "$p"; }
alive() { pid_of "$1" >/dev/null; }
daemons() { echo munged slurmctld; for n in "${NODES[@]}"; do echo "slurmd-node$n"; done; }

# wait_until SECONDS CMD... : polls every 0.1 s
wait_until() {
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.1
    done
}

# in_ns NETNS HOSTNAME CMD... : CMD in that network namespace (nsenter, never `ip netns exec`: it remounts /sys), with
# its own UTS namespace (HOSTNAME) and mount namespace (our hosts file over /etc/hosts), in the caller's folder.
in_ns() {
    local ns=$1 host=$2; shift 2
    [ -e "/run/netns/$ns" ] || die "namespace $ns is missing; is the cluster running? ($SCRIPT start)"
    exec nsenter --net="/run/netns/$ns" --wd="$PWD" unshare --uts --mount --propagation slave \
        /bin/sh -c "$ENTER" "$RUN/hosts" "$host" "$@"
}

# What the controller's clients need: the config, and MPI settings unless the caller chose its own.
client_env() {
    local kv name
    echo "SLURM_CONF=$CONF"
    for kv in "${MPI_ENV[@]}"; do
        name=${kv%%=*}
        if [ -z "${!name:-}" ]; then echo "$kv"; fi
    done
}

in_ctl() { (mapfile -t envs < <(client_env); in_ns "$CTL" slurmctl env "${envs[@]}" "$@"); }

# A client command on the controller, bounded (the controller answers in milliseconds when it is up).
ctl_q() { (cd / && in_ctl timeout "${CTL_TIMEOUT:-10}" "$@"); }

# launch NAME NETNS HOSTNAME CMD... : a daemon in the foreground, detached from the caller, its pid recorded. One simple
# command in the background, so $! is the daemon itself (setsid, nsenter, unshare and sh each exec the next).
launch() {
    local name=$1 ns=$2 host=$3; shift 3
    (exec 9<&-; cd /; setsid nsenter --net="/run/netns/$ns" unshare --uts --mount --propagation slave \
        /bin/sh -c "$ENTER" "$RUN/hosts" "$host" "$@" \
        </dev/null >>"$RUN/log/$name.out" 2>&1 &
     echo $! >"$RUN/pids/$name")
}

write_conf() {
    local cpus; cpus=$(nproc)
    cat >"$CONF" <<EOF
# Written by $SCRIPT; the run folder is removed by '$SCRIPT stop'.
ClusterName=aibench
SlurmctldHost=slurmctl($NET.10)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$RUN/munge/munge.sock
SlurmUser=root
SlurmdUser=root
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$RUN/ctld/state
SlurmctldPidFile=$RUN/ctld/slurmctld.pid
SlurmctldLogFile=$RUN/log/slurmctld.log
SlurmdSpoolDir=$RUN/%n/spool
SlurmdPidFile=$RUN/%n/slurmd.pid
SlurmdLogFile=$RUN/log/slurmd-%n.log
# mpi/pmix creates TmpFS/spmix_appdir_<uid>_<job>.<step> on every node: one shared /tmp fails with "File exists".
TmpFS=$RUN/%n/tmp
TaskProlog=$RUN/task-prolog
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=pmix
# A task that dies ends its step (the other ranks would otherwise wait for it until the time limit).
KillOnBadExit=1
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
Waittime=0
MinJobAge=300
MailProg=/bin/true
SlurmctldDebug=info
SlurmdDebug=info
SlurmdParameters=config_overrides
EOF
    for n in "${NODES[@]}"; do
        echo "NodeName=node$n NodeAddr=$(node_addr "$n") CPUs=$cpus State=UNKNOWN" >>"$CONF"
    done
    # Every job is bounded: one hour unless it asks for less (at most four).
    echo "PartitionName=debug Nodes=node[1-${#NODES[@]}] Default=YES DefaultTime=01:00:00 MaxTime=04:00:00 State=UP" >>"$CONF"

    # mpi/pmix: both of Open MPI's MPI_Init fences as trees (see the header: with Slurm's default, a ring for the
    # modex and a tree for the barrier, a rank sometimes left MPI_Init while another was still in the modex).
    echo "PMIxCollFence=tree" >"$RUN/mpi.conf"

    # Tasks that did not inherit the caller's environment still get the MPI settings (see the header).
    {
        echo '#!/bin/sh'
        for kv in "${MPI_ENV[@]}"; do echo "[ -n \"\${${kv%%=*}:-}\" ] || echo 'export $kv'"; done
    } >"$RUN/task-prolog"
    chmod 755 "$RUN/task-prolog"

    { echo "127.0.0.1 localhost"; echo "$NET.10 slurmctl"
      for n in "${NODES[@]}"; do echo "$(node_addr "$n") node$n"; done; } >"$RUN/hosts"
}

idle_nodes() { ctl_q sinfo -h -t idle -o %D 2>/dev/null; }
all_idle() { [ "$(idle_nodes)" = "${#NODES[@]}" ]; }
srun_works() {
    local got want
    want=$(for n in "${NODES[@]}"; do echo "node$n"; done)
    got=$(CTL_TIMEOUT=30 ctl_q srun -N${#NODES[@]} hostname 2>/dev/null | sort)
    [ "$got" = "$want" ]
}

healthy() {
    [ -f "$MARK" ] || return 1
    local d; for d in $(daemons); do alive "$d" || return 1; done
    # Nodes can be busy with jobs of a caller; none may be down, drained or unresponsive.
    local states; states=$(ctl_q sinfo -h -N -o '%N %T' 2>/dev/null) || return 1
    [ "$(echo "$states" | grep -cE ' (idle|mixed|allocated|completing)$')" = "${#NODES[@]}" ]
}

start() {
    exec 9<"$SCRIPT"; flock 9
    install_packages
    for c in ip tc nsenter unshare setpriv setsid mungekey munged slurmctld slurmd sinfo srun; do
        command -v "$c" >/dev/null || die "missing $c after installing ${PACKAGES[*]}"
    done
    if healthy; then
        wait_until 30 all_idle || true
        return
    fi
    local t0=$EPOCHREALTIME
    stop_all quiet
    [ ! -e "$RUN" ] || [ -f "$MARK" ] || die "$RUN exists and is not a folder of this script; set AIBENCH_SLURM_RUN to a new folder"
    mkdir -p "$RUN"/{ctld/state,munge,log,pids,shape}
    touch "$MARK" # only a folder with this mark is ever removed
    chmod 755 "$RUN"
    for n in "${NODES[@]}"; do mkdir -p "$RUN/node$n/spool" "$RUN/node$n/tmp"; chmod 1777 "$RUN/node$n/tmp"; done
    # A failed start leaves no daemon or namespace behind; the run folder stays for its logs (the next start or stop
    # removes it).
    trap 'stop_all quiet keep' EXIT
    write_conf

    # munge: a private key and socket (the socket folder must be 0755, munged refuses otherwise).
    chown munge:munge "$RUN/munge"; chmod 0755 "$RUN/munge"
    setpriv --reuid=munge --regid=munge --init-groups mungekey -c -k "$RUN/munge/munge.key" >/dev/null 2>&1 \
        || die "mungekey failed"
    (exec 9<&-; cd /; setsid setpriv --reuid=munge --regid=munge --init-groups munged -F \
        --socket="$RUN/munge/munge.sock" --key-file="$RUN/munge/munge.key" --pid-file="$RUN/munge/munged.pid" \
        --log-file="$RUN/munge/munged.log" --seed-file="$RUN/munge/munged.seed" </dev/null >>"$RUN/log/munged.out" 2>&1 &
     echo $! >"$RUN/pids/munged")
    wait_until 10 test -S "$RUN/munge/munge.sock" || die "munged did not start (see $RUN/munge/munged.log)"

    # Network: the bridge lives in the controller's namespace, one veth per node.
    ip netns add "$CTL"
    ip -n "$CTL" link set lo up
    ip -n "$CTL" link add "$BRIDGE" type bridge
    ip -n "$CTL" addr add "$NET.10/24" dev "$BRIDGE"
    ip -n "$CTL" link set "$BRIDGE" up
    for n in "${NODES[@]}"; do
        local ns; ns=$(node_ns "$n")
        ip netns add "$ns"
        ip -n "$ns" link set lo up
        ip link add "aibslurm-v$n" netns "$CTL" type veth peer name eth0 netns "$ns"
        ip -n "$CTL" link set "aibslurm-v$n" master "$BRIDGE" up
        ip -n "$ns" addr add "$(node_addr "$n")/24" dev eth0
        ip -n "$ns" link set eth0 up
    done

    launch slurmctld "$CTL" slurmctl slurmctld -D -f "$CONF"
    wait_until 20 ctl_q scontrol ping || die "slurmctld did not start (see $RUN/log/slurmctld.log)"
    for n in "${NODES[@]}"; do
        launch "slurmd-node$n" "$(node_ns "$n")" "node$n" slurmd -D -N "node$n" -f "$CONF"
    done
    wait_until 60 all_idle || die "the nodes did not become idle within 60 s ($(ctl_q sinfo -h -N -o '%N %T' 2>/dev/null | tr '\n' ' ')); logs in $RUN/log"
    srun_works || die "srun -N${#NODES[@]} hostname did not answer node1..node${#NODES[@]} (see $RUN/log)"
    trap - EXIT
    say "up in $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s: ${#NODES[@]} nodes idle (run folder $RUN)"
}

# This script and its callers (never signalled, even when it runs inside a namespace of ours).
ancestors() {
    local p=$$
    while [ -n "$p" ] && [ "$p" -gt 1 ]; do
        echo "$p"
        p=$(sed -n 's/.*) [A-Za-z] \([0-9]*\) .*/\1/p' "/proc/$p/stat" 2>/dev/null) || break
    done
}

# pids whose network namespace is NETNS (its inode compared with the target of /proc/PID/ns/net), but ancestors.
ns_pids() {
    local ino
    ino=$(stat -L -c %i "/run/netns/$1" 2>/dev/null) || return 0
    find /proc/[0-9]*/ns/net -maxdepth 0 -lname "net:\[$ino\]" 2>/dev/null | cut -d/ -f3 \
        | grep -vxF -f <(ancestors) || true
}

nodepids() {
    check_node "${1:-}"
    local pids; pids=$(ns_pids "$(node_ns "$1")")
    if [ -n "${2:-}" ]; then
        pids=$(comm -12 <(echo "$pids" | sort) <(pgrep -f -- "$2" | sort))
    fi
    [ -z "$pids" ] || echo "$pids" | sort -n
}

# A process that still runs (a zombie counts as gone: its parent may be slow to reap it).
running() { local st; st=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; st=${st##*) }; [ "${st%% *}" != Z ]; }

terminate() { # terminate PIDS... : TERM, up to 5 s, then KILL
    [ $# -gt 0 ] || return 0
    kill -TERM "$@" 2>/dev/null || true
    local deadline=$((SECONDS + 5)) left
    while :; do
        left=(); for p in "$@"; do if running "$p"; then left+=("$p"); fi; done
        [ ${#left[@]} -gt 0 ] && [ $SECONDS -lt $deadline ] || break
        sleep 0.1
    done
    [ ${#left[@]} -eq 0 ] || kill -KILL "${left[@]}" 2>/dev/null || true
}

nodes_quiet() { # no slurmstepd left on any node (each job step has one; it ends its tasks before it exits)
    local p
    for n in "${NODES[@]}"; do
        for p in $(ns_pids "$(node_ns "$n")"); do
            if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = slurmstepd ] && running "$p"; then return 1; fi
        done
    done
}

stop_all() {
    local quiet=${1:-} keep=${2:-} pids=() p d
    if [ -e "$RUN" ] && [ ! -f "$MARK" ]; then
        die "$RUN is not a folder of this script; nothing stopped or removed"
    fi
    # Jobs first: slurmstepd ignores SIGTERM, scancel ends steps cleanly.
    if alive slurmctld && [ -n "$(ctl_q squeue -h -o %i 2>/dev/null)" ]; then
        ctl_q scancel --full --quiet -p debug >/dev/null 2>&1 || true
        wait_until 15 nodes_quiet || true
    fi
    # The daemons we recorded; then whatever is left in our namespaces: only our daemons' jobs and what was started
    # through exec/node/agent can be there (nothing else enters them).
    for d in $(daemons); do p=$(pid_of "$d") && [ "$d" != munged ] && pids+=("$p"); done
    terminate "${pids[@]}"
    pids=()
    for n in "${NODES[@]}"; do for p in $(ns_pids "$(node_ns "$n")"); do pids+=("$p"); done; done
    for p in $(ns_pids "$CTL"); do pids+=("$p"); done
    terminate "${pids[@]}"
    p=$(pid_of munged) && terminate "$p"
    for n in "${NODES[@]}"; do cpu_unlimit "$n"; done
    for n in "${NODES[@]}"; do ip netns del "$(node_ns "$n")" 2>/dev/null || true; done
    ip netns del "$CTL" 2>/dev/null || true # takes the bridge and the veths' other ends with it
    if [ -f "$MARK" ] && [ -z "$keep" ]; then rm -rf "$RUN"; [ -n "$quiet" ] || say "stopped; removed $RUN"; fi
}

stop() {
    exec 9<"$SCRIPT"; flock 9
    local t0=$EPOCHREALTIME
    stop_all
    [ -z "${AIBENCH_SLURM_TIMING:-}" ] || say "stop took $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"
    return 0
}

status() {
    local d p n running=1
    [ -f "$MARK" ] || { echo "not running (no $RUN)"; return 1; }
    for d in $(daemons); do
        if p=$(pid_of "$d"); then echo "$d: pid $p"; else echo "$d: not running"; running=0; fi
    done
    for n in "${NODES[@]}"; do
        if [ -f "$RUN/shape/node-$n" ]; then echo "node$n link shaped to $(cat "$RUN/shape/node-$n")"; fi
        if [ -f "$RUN/cgroup-$n" ]; then echo "node$n cpu limited to $(cat "$RUN/cgroup-$n.percent")% of a core"; fi
    done
    for f in "$RUN"/shape/path-*; do
        [ -f "$f" ] || continue
        d=${f##*/path-}; echo "path node${d%-*} <-> node${d#*-} shaped to $(cat "$f")"
    done
    if alive slurmctld; then ctl_q sinfo || true; fi
    [ $running = 1 ]
}

# --- shaping -------------------------------------------------------------------------------------------------------
# RATE in bits per second (tc's units: bit kbit mbit gbit tbit, bps kbps mbps gbps tbps = bytes per second).
rate_bits() {
    local r=${1,,}
    [[ "$r" =~ ^([0-9]+(\.[0-9]+)?)(bit|kbit|mbit|gbit|tbit|bps|kbps|mbps|gbps|tbps)$ ]] \
        || die "bad rate '$1': a number and a unit, e.g. 200mbit, 1gbit, 50mbps"
    awk -v v="${BASH_REMATCH[1]}" -v u="${BASH_REMATCH[3]}" 'BEGIN {
        m["bit"]=1; m["kbit"]=1e3; m["mbit"]=1e6; m["gbit"]=1e9; m["tbit"]=1e12
        m["bps"]=8; m["kbps"]=8e3; m["mbps"]=8e6; m["gbps"]=8e9; m["tbps"]=8e12
        printf "%.0f\n", v * m[u] }'
}

# A burst of at least 64 KiB (one GSO packet) and 2 ms at the rate.
burst_bytes() { echo $(( $1 / 8 / 500 > 65536 ? $1 / 8 / 500 : 65536 )); }
# tbf for a rate (tc's syntax): that burst, a queue of 100 ms.
tbf_args() { local bits; bits=$(rate_bits "$1"); echo "tbf rate ${bits}bit burst $(burst_bytes "$bits") latency 100ms"; }
# An htb class for a rate in bits per second.
htb_args() { local b; b=$(burst_bytes "$1"); echo "htb rate ${1}bit ceil ${1}bit burst $b cburst $b quantum 100000"; }
path_file() { echo "$RUN/shape/path-$(( $1 < $2 ? $1 : $2 ))-$(( $1 < $2 ? $2 : $1 ))"; }

# Rebuilds node N's qdiscs from the recorded state. The link rate: a tbf on both ends of its veth. Paths: on the egress
# of the node's eth0 an htb whose u32 filters send the traffic to peer P (its address) to class 1:1P (min(path rate,
# link rate)); the rest goes to class 1:1 at the link rate, or, with no link rate, to htb's unshaped direct queue
# (default 0). htb, not prio+tbf or netem: this VM's kernel has tbf, htb, ingress and u32 but neither prio nor netem.
apply_shaping() {
    local n=$1 ns rate="" peer pr link
    ns=$(node_ns "$n")
    if [ -f "$RUN/shape/node-$n" ]; then rate=$(cat "$RUN/shape/node-$n"); fi
    tc -n "$ns" qdisc del dev eth0 root 2>/dev/null || true
    tc -n "$CTL" qdisc del dev "aibslurm-v$n" root 2>/dev/null || true
    if [ -n "$rate" ]; then
        # shellcheck disable=SC2046
        tc -n "$CTL" qdisc add dev "aibslurm-v$n" root $(tbf_args "$rate")
    fi
    local paths=()
    for peer in "${NODES[@]}"; do
        if [ "$peer" != "$n" ] && [ -f "$(path_file "$n" "$peer")" ]; then paths+=("$peer"); fi
    done
    if [ ${#paths[@]} -eq 0 ]; then
        # shellcheck disable=SC2046
        [ -z "$rate" ] || tc -n "$ns" qdisc add dev eth0 root $(tbf_args "$rate")
        return 0
    fi
    if [ -n "$rate" ]; then
        link=$(rate_bits "$rate")
        tc -n "$ns" qdisc add dev eth0 root handle 1: htb default 1
        # shellcheck disable=SC2046
        tc -n "$ns" class add dev eth0 parent 1: classid 1:100 $(htb_args "$link")
        # shellcheck disable=SC2046
        tc -n "$ns" class add dev eth0 parent 1:100 classid 1:1 $(htb_args "$link")
    else
        tc -n "$ns" qdisc add dev eth0 root handle 1: htb default 0
    fi
    for peer in "${paths[@]}"; do
        pr=$(rate_bits "$(cat "$(path_file "$n" "$peer")")")
        if [ -n "$rate" ] && [ "$link" -lt "$pr" ]; then pr=$link; fi
        # shellcheck disable=SC2046
        tc -n "$ns" class add dev eth0 parent "1:${rate:+100}" classid "1:1$peer" $(htb_args "$pr")
        tc -n "$ns" filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip dst "$(node_addr "$peer")/32" \
            flowid "1:1$peer"
    done
}

need_running() { [ -f "$MARK" ] && [ -e "/run/netns/$CTL" ] || die "the cluster is not running; run: $SCRIPT start"; }

shape() {
    check_node "${1:-}"; [ -n "${2:-}" ] || die "usage: $0 shape N RATE"
    rate_bits "$2" >/dev/null; need_running
    echo "$2" >"$RUN/shape/node-$1"; apply_shaping "$1"
}
unshape() { check_node "${1:-}"; need_running; rm -f "$RUN/shape/node-$1"; apply_shaping "$1"; }
shape_path() {
    check_node "${1:-}"; check_node "${2:-}"; [ -n "${3:-}" ] || die "usage: $0 shape-path A B RATE"
    [ "$1" != "$2" ] || die "a path needs two different nodes"
    rate_bits "$3" >/dev/null; need_running
    echo "$3" >"$(path_file "$1" "$2")"
    apply_shaping "$1"; apply_shaping "$2"
}
unshape_path() {
    check_node "${1:-}"; check_node "${2:-}"; need_running
    rm -f "$(path_file "$1" "$2")"
    apply_shaping "$1"; apply_shaping "$2"
}

# --- CPU limits ----------------------------------------------------------------------------------------------------
# cpu_mount and cpu_quota_set: tests/infra/cpu-quota.sh.
. "$(dirname "$SCRIPT")/cpu-quota.sh"

cpu_limit() {
    check_node "${1:-}"
    [[ "${2:-}" =~ ^[0-9]+$ ]] && [ "$2" -ge 1 ] || die "usage: $0 cpu-limit N PERCENT (of one core, 1 or more)"
    need_running
    local n=$1 kind mount cg origin p
    read -r kind mount < <(cpu_mount) || die "cpu-limit needs a cgroup cpu controller"
    cg=$mount/$CGROUP_NAME-n$n
    p=$(pid_of "slurmd-node$n") || die "node$n's slurmd is not running"
    if [ ! -d "$cg" ]; then
        # Where the node's processes go back to: slurmd's cgroup now.
        if [ "$kind" = v1 ]; then
            origin=$(awk -F: '$2 ~ /(^|,)cpu(,|$)/ { print $3; exit }' "/proc/$p/cgroup")
        else
            origin=$(awk -F: '$1 == "0" { print $3; exit }' "/proc/$p/cgroup")
            grep -qw cpu "$mount/cgroup.subtree_control" || echo +cpu >"$mount/cgroup.subtree_control"
        fi
        mkdir "$cg"
        echo "$mount$origin" >"$RUN/cgroup-$n"
    fi
    cpu_quota_set "$kind" "$cg" "$2"
    echo "$2" >"$RUN/cgroup-$n.percent"
    # slurmd (its future steps inherit the cgroup) and every process already running on the node.
    for p in $(ns_pids "$(node_ns "$n")"); do echo "$p" >"$cg/cgroup.procs" 2>/dev/null || true; done
}

cpu_unlimit() {
    check_node "${1:-}"
    local n=$1 kind mount cg back p
    read -r kind mount < <(cpu_mount 2>/dev/null || echo "none /nonexistent")
    cg=$mount/$CGROUP_NAME-n$n
    [ -d "$cg" ] || { rm -f "$RUN/cgroup-$n" "$RUN/cgroup-$n.percent"; return 0; }
    back=$mount
    [ -f "$RUN/cgroup-$n" ] && [ -d "$(cat "$RUN/cgroup-$n")" ] && back=$(cat "$RUN/cgroup-$n")
    for _ in 1 2 3 4 5; do
        while read -r p; do echo "$p" >"$back/cgroup.procs" 2>/dev/null || true; done <"$cg/cgroup.procs"
        rmdir "$cg" 2>/dev/null && break
        sleep 0.1
    done
    [ ! -d "$cg" ] || say "could not remove $cg (processes still in it: $(tr '\n' ' ' <"$cg/cgroup.procs"))"
    rm -f "$RUN/cgroup-$n" "$RUN/cgroup-$n.percent"
}

# --- commands for callers ------------------------------------------------------------------------------------------
# Open MPI calls: agent [ssh options] HOST COMMAND (COMMAND is one shell string, as for ssh). HOST: nodeN or its address.
agent() {
    while [[ "${1:-}" == -* ]]; do shift; done
    local host=${1:-}; shift || true
    local n
    case "$host" in
        node[1-4]|node[1-4].*) n=${host#node}; n=${n%%.*} ;;
        "$NET".1[1-4]) n=${host##*.1} ;;
        *) die "agent: unknown host '$host' (node1..node4 or $NET.11..14)" ;;
    esac
    in_ns "$(node_ns "$n")" "node$n" /bin/sh -c "$*"
}

node_cmd() {
    check_node "${1:-}"; local n=$1; shift
    [ $# -gt 0 ] || die "usage: $0 node N CMD..."
    in_ns "$(node_ns "$n")" "node$n" "$@"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    start|stop|status|exec|node|nodepids|shape|unshape|shape-all|unshape-all|shape-path|unshape-path|cpu-limit|cpu-unlimit|agent)
        need_root "$cmd" "$@" ;;
esac
case "$cmd" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    exec) [ $# -gt 0 ] || die "usage: $0 exec CMD..."; need_running; mapfile -t envs < <(client_env)
          in_ns "$CTL" slurmctl env "${envs[@]}" "$@" ;;
    node) node_cmd "$@" ;;
    nodepids) nodepids "$@" ;;
    shape) exec 9<"$SCRIPT"; flock 9; shape "$@" ;;
    unshape) exec 9<"$SCRIPT"; flock 9; unshape "$@" ;;
    shape-all) exec 9<"$SCRIPT"; flock 9; [ -n "${1:-}" ] || die "usage: $0 shape-all RATE"
               for n in "${NODES[@]}"; do shape "$n" "$1"; done ;;
    unshape-all) exec 9<"$SCRIPT"; flock 9; need_running; rm -f "$RUN"/shape/*
                 for n in "${NODES[@]}"; do apply_shaping "$n"; done ;;
    shape-path) exec 9<"$SCRIPT"; flock 9; shape_path "$@" ;;
    unshape-path) exec 9<"$SCRIPT"; flock 9; unshape_path "$@" ;;
    cpu-limit) exec 9<"$SCRIPT"; flock 9; cpu_limit "$@" ;;
    cpu-unlimit) exec 9<"$SCRIPT"; flock 9; need_running; cpu_unlimit "$@" ;;
    agent) agent "$@" ;;
    *) die "usage: $0 start|stop|status|exec CMD...|node N CMD...|nodepids N [PATTERN]|shape N RATE|unshape N|shape-all RATE|unshape-all|shape-path A B RATE|unshape-path A B|cpu-limit N PERCENT|cpu-unlimit N|agent HOST CMD" ;;
esac
