#!/usr/bin/env bash
# A single-host Ceph RADOS Gateway on 127.0.0.1: a real S3 server for tests and for anyone who wants a local target.
# One monitor, one OSD on memstore (RAM), one radosgw (beast), from Debian's packages; no manager, no systemd.
#
#   eval "$(tests/infra/rgw.sh start)"   # install packages if missing, start, wait until S3 answers, print exports
#   tests/infra/rgw.sh env                # print the exports of the running gateway again
#   tests/infra/rgw.sh stop               # stop exactly the daemons it started (recorded pids), remove its folder
#
# start is idempotent: with a gateway of ours already answering it only prints the exports. Settings (environment):
#   AIBENCH_RGW_DIR   scratch folder (default /tmp/aibench-rgw); everything lives there, RAM-backed store included
#   AIBENCH_RGW_PORT  S3 port (default 17480); the monitor listens on PORT+1 and PORT+2, the OSD in PORT+10..PORT+99,
#                     so two gateways with ports 100 apart (and their own folders) can run side by side
#   AIBENCH_RGW_STORE_BYTES  memstore cap (default 8 GiB; the OSD holds about twice what is stored, in RAM)
# Facts behind the settings: docs/notes/ceph-rgw.md (paxos propose interval is what makes it start in ~3 s).
set -euo pipefail

DIR="${AIBENCH_RGW_DIR:-/tmp/aibench-rgw}"
PORT="${AIBENCH_RGW_PORT:-17480}"
STORE_BYTES="${AIBENCH_RGW_STORE_BYTES:-8589934592}"
MON_V2=$((PORT + 1))
MON_V1=$((PORT + 2))
CONF="$DIR/ceph.conf"
PACKAGES=(ceph-mon ceph-osd radosgw ceph-common curl)

say() { printf 'rgw.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return
    command -v apt-get >/dev/null || die "need ${missing[*]} (Debian/Ubuntu packages) and apt-get is missing"
    say "installing ${missing[*]} (about 90 s)"
    as_root apt-get update -qq
    # The post-install scripts say "Failed to connect to bus" without systemd: harmless, no daemon starts by itself.
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || die "apt-get could not install ${missing[*]}"
}

# A recorded pid counts only while it is still our daemon: its command line names our ceph.conf (a pid can be reused).
ours() { [ -n "$1" ] && { tr '\0' ' ' <"/proc/$1/cmdline"; } 2>/dev/null | grep -qF -- "$CONF"; }
alive() { [ -f "$DIR/$1.pid" ] && ours "$(cat "$DIR/$1.pid")"; }

answers() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; }

print_env() {
    [ -f "$DIR/s3.env" ] || die "no gateway of ours in $DIR; run: $0 start"
    cat "$DIR/s3.env"
}

write_conf() {
    local fsid=$1
    cat >"$CONF" <<EOF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$MON_V2,v1:127.0.0.1:$MON_V1]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind port min = $((PORT + 10))
ms bind port max = $((PORT + 99))
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
auth allow insecure global id reclaim = false
keyring = $DIR/keyring
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
pid file = $DIR/run/\$name.pid
log file = $DIR/log/\$name.log
crash dir = $DIR/crash
osd pool default size = 1
osd pool default min size = 1
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon max pg per osd = 1000
mon data avail warn = 2
mon data avail crit = 1

[mon]
mon data = $DIR/mon.\$id
paxos propose interval = 0.01

[osd]
osd data = $DIR/osd.\$id
osd objectstore = memstore
memstore device bytes = $STORE_BYTES

[client.rgw.aibench]
rgw frontends = beast endpoint=127.0.0.1:$PORT
rgw data = $DIR/rgw
rgw gc obj min wait = 0
rgw gc processor period = 5
EOF
}

# Runs a daemon in the foreground (-f) in the background and records its pid.
launch() {
    local name=$1; shift
    "$@" -f >>"$DIR/log/$name.out" 2>&1 &
    echo $! >"$DIR/$name.pid"
}

wait_for() {
    local what=$1 seconds=$2; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || die "$what did not come up within ${seconds}s; logs in $DIR/log"
        sleep 0.1
    done
}

osd_up() { timeout 10 ceph -c "$CONF" osd dump 2>/dev/null | grep -q '^osd.0 up'; }

start() {
    if alive rgw && answers && [ -f "$DIR/s3.env" ]; then
        print_env
        return
    fi
    if [ -e "$DIR" ]; then
        [ -f "$DIR/.aibench-rgw" ] || die "$DIR exists and is not a folder of this script; set AIBENCH_RGW_DIR to a new folder"
        stop_daemons
        rm -rf "$DIR"
    fi
    install_packages
    mkdir -p "$DIR"/{run,log,crash,rgw,mon.a,osd.0}
    chmod 700 "$DIR"
    touch "$DIR/.aibench-rgw" # only a folder with this mark is ever removed
    trap 'stop_daemons' EXIT  # a start that fails half-way leaves no daemon behind
    local fsid uuid access secret
    fsid=$(cat /proc/sys/kernel/random/uuid)
    uuid=$(cat /proc/sys/kernel/random/uuid)
    access="AIB$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F | head -c 17)"
    secret=$(head -c 30 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40)
    write_conf "$fsid"

    # One keyring with every entity: ceph-mon --mkfs imports it all, so no "ceph auth add" round trips.
    local kr="$DIR/keyring"
    ceph-authtool "$kr" --create-keyring --gen-key -n mon. --cap mon 'allow *' >/dev/null
    ceph-authtool "$kr" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mds 'allow *' --cap mgr 'allow *' >/dev/null
    ceph-authtool "$kr" --gen-key -n osd.0 --cap mon 'allow profile osd' --cap osd 'allow *' --cap mgr 'allow profile osd' >/dev/null
    ceph-authtool "$kr" --gen-key -n client.rgw.aibench --cap mon 'allow rw' --cap osd 'allow rwx' --cap mgr 'allow rw' >/dev/null
    monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_V2,v1:127.0.0.1:$MON_V1]" "$DIR/monmap" >/dev/null
    ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" --keyring "$kr" >/dev/null 2>&1 || die "ceph-mon --mkfs failed"
    launch mon ceph-mon -c "$CONF" -i a

    # "osd new" retries until the monitor answers, so it is also the wait for the monitor.
    timeout 30 ceph -c "$CONF" osd new "$uuid" 0 >/dev/null 2>&1 || die "the monitor did not answer within 30 s; logs in $DIR/log"
    ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$uuid" >/dev/null 2>&1 || die "ceph-osd --mkfs failed"
    launch osd ceph-osd -c "$CONF" -i 0
    wait_for "the OSD" 60 osd_up

    launch rgw radosgw -c "$CONF" -n client.rgw.aibench
    wait_for "the gateway" 60 answers
    timeout 60 radosgw-admin -c "$CONF" user create --uid=aibench --display-name=aibench \
        --access-key="$access" --secret="$secret" >/dev/null 2>&1 || die "radosgw-admin user create failed"
    umask 077
    cat >"$DIR/s3.env" <<EOF
export AWS_ENDPOINT_URL=http://127.0.0.1:$PORT
export AWS_ACCESS_KEY_ID=$access
export AWS_SECRET_ACCESS_KEY=$secret
export AWS_REGION=us-east-1
EOF
    trap - EXIT
    say "Ceph RGW answering on http://127.0.0.1:$PORT (folder $DIR)"
    print_env
}

# SIGTERM, up to 10 s, then SIGKILL; only the pids this script recorded.
stop_one() {
    local name=$1 pid
    [ -f "$DIR/$name.pid" ] || return 0
    pid=$(cat "$DIR/$name.pid")
    if ours "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        ours "$pid" && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$DIR/$name.pid"
}

stop_daemons() { stop_one rgw; stop_one osd; stop_one mon; }

stop() {
    [ -d "$DIR" ] || return 0
    [ -f "$DIR/.aibench-rgw" ] || die "$DIR is not a folder of this script; nothing stopped or removed"
    stop_daemons
    rm -rf "$DIR"
    say "stopped; removed $DIR"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) print_env ;;
    *) die "usage: $0 start|stop|env" ;;
esac
