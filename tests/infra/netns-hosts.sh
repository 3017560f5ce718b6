#!/usr/bin/env bash
# Three "hosts" on one machine: network namespaces aibns1..3 (10.77.0.1..3/24, each with its own hostname through
# the rsh agent below), each joined by a veth pair to the bridge aibbr0 (10.77.0.254 for mpirun's own traffic), and
# each host's egress shaped by tc tbf to $RATE (default 200mbit). Needs root, iproute2 (ip, tc) and util-linux.
#
#   tests/infra/netns-hosts.sh up      # create (idempotent: removes a previous set first)
#   tests/infra/netns-hosts.sh down    # remove
#   tests/infra/netns-hosts.sh agent HOST COMMAND...   # Open MPI's rsh agent: run COMMAND in HOST's namespace
#
# Open MPI starts remote ranks through the agent: mpirun --mca plm_rsh_agent "tests/infra/netns-hosts.sh agent" ...
set -euo pipefail

RATE="${RATE:-200mbit}"
HOSTS=(1 2 3)

down() {
    for i in "${HOSTS[@]}"; do
        ip netns del "aibns$i" 2>/dev/null || true
        ip link del "aibv$i" 2>/dev/null || true
    done
    ip link del aibbr0 2>/dev/null || true
}

up() {
    down
    ip link add aibbr0 type bridge
    ip addr add 10.77.0.254/24 dev aibbr0
    ip link set aibbr0 up
    for i in "${HOSTS[@]}"; do
        ip netns add "aibns$i"
        ip link add "aibv$i" type veth peer name eth0 netns "aibns$i"
        ip link set "aibv$i" master aibbr0 up
        ip -n "aibns$i" addr add "10.77.0.$i/24" dev eth0
        ip -n "aibns$i" link set eth0 up
        ip -n "aibns$i" link set lo up
        # The shaped egress of this host. burst: a few MTU-sized packets above rate/HZ, so the shaper itself is not
        # the bottleneck at 200 Mbit; latency bounds the queue.
        ip netns exec "aibns$i" tc qdisc add dev eth0 root tbf rate "$RATE" burst 64kb latency 100ms
    done
    for i in "${HOSTS[@]}"; do
        ip -n aibns1 neigh flush all 2>/dev/null || true
    done
    echo "netns hosts up: 10.77.0.1-3 (aibns1-3), egress $RATE each, bridge aibbr0 10.77.0.254"
}

agent() {
    # Open MPI calls: agent [ssh options] HOST COMMAND (COMMAND is one shell string, as for ssh).
    while [[ "${1:-}" == -* ]]; do
        shift
    done
    local host="$1"
    shift
    local i="${host##*.}"
    exec ip netns exec "aibns$i" unshare --uts /bin/sh -c "hostname node$i && exec /bin/sh -c \"\$0\"" "$*"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    agent) shift; agent "$@" ;;
    *) echo "usage: $0 up|down|agent HOST COMMAND..." >&2; exit 2 ;;
esac
