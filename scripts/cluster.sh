#!/usr/bin/env bash
# A cluster on loopback: one Redis (the shared message store), N chat-server nodes on it, and HAProxy in front
# with a generated config. Runs until Ctrl-C or SIGTERM, then stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    cat <<'USAGE'
Usage: scripts/cluster.sh [flags]
Starts redis-server, N chat-server nodes (--store redis://...) and haproxy, all on 127.0.0.1, and stays in the
foreground; Ctrl-C (or SIGTERM) stops all of them.

  --nodes N            server nodes (default 2)
  --engine netty|jetty node engine (default netty)
  --balance MODE       roundrobin: every new connection to the next node (no stickiness);
                       source: a client address always to the same node (sticky; the harness's members
                               must then come from several loopback addresses to spread);
                       cookie: HAProxy sets a PBNODE cookie naming the node and routes by it (sticky for
                               clients that keep cookies, e.g. browsers)                    (default roundrobin)
  --front-port P       HAProxy listens on P+1 (short polling), P+2 (long polling), P+3 (WebSocket),
                       and serves its stats on P (default 8080: the single server's ports)
  --node-port P        node i (1..N) uses admin port P+10*i and transport ports P+10*i+1..3 (default 9000)
  --redis-port P       (default 6390)
  --dir DIR            logs, pid files and the generated haproxy.cfg (default a new temporary directory)
  --jar PATH           the chat-servers.jar to run, as built (default: servers/target/chat-servers.jar,
                       built first when missing or older than the sources)
  --help               this text

Extra node flags go after --, e.g. scripts/cluster.sh --nodes 3 -- --retention 4096.
Node JVM options: JAVA_OPTS (default -Xms256m -Xmx512m).
It prints one machine-readable line per part once everything answers:
  cluster redis redis://127.0.0.1:6390 pid 1233
  cluster node 1 pid 1234 admin http://127.0.0.1:9010/
  cluster balancer pid 1240
  cluster balancer short-polling http://127.0.0.1:8081   (long-polling 8082, websocket ws://...:8083,
                                                            sse 8084)
  cluster ready
A node can be killed by its pid to see what a lost node does (the harness's node-kill scenario does this).
USAGE
}

NODES=2 ENGINE=netty BALANCE=roundrobin FRONT=8080 NODE_BASE=9000 REDIS_PORT=6390 DIR="" JAR="" NODE_ARGS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --nodes) NODES=$2; shift 2 ;;
        --engine) ENGINE=$2; shift 2 ;;
        --balance) BALANCE=$2; shift 2 ;;
        --front-port) FRONT=$2; shift 2 ;;
        --node-port) NODE_BASE=$2; shift 2 ;;
        --redis-port) REDIS_PORT=$2; shift 2 ;;
        --dir) DIR=$2; shift 2 ;;
        --jar) JAR=$2; shift 2 ;;
        --help|-h) usage; exit 0 ;;
        --) shift; NODE_ARGS=("$@"); break ;;
        *) echo "cluster.sh: unknown flag $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$NODES" =~ ^[1-9][0-9]?$ ]] || { echo "cluster.sh: --nodes must be 1 to 99, not $NODES" >&2; exit 2; }
[[ "$BALANCE" =~ ^(roundrobin|source|cookie)$ ]] \
    || { echo "cluster.sh: --balance must be roundrobin, source or cookie, not $BALANCE" >&2; exit 2; }
for tool in redis-server haproxy; do
    command -v "$tool" >/dev/null || { echo "cluster.sh: $tool is not installed (Debian package $tool)" >&2; exit 2; }
done

if [[ -z "$JAR" ]]; then
    JAR=servers/target/chat-servers.jar
    scripts/build-if-stale.sh "$JAR" -pl servers
fi
[[ -f "$JAR" ]] || { echo "cluster.sh: no $JAR" >&2; exit 2; }
DIR=${DIR:-$(mktemp -d -t pushbench-cluster.XXXXXX)}
mkdir -p "$DIR"

# One frontend and one backend per transport. Health checks every 500 ms take a dead node out; "redispatch"
# sends a connection whose node refused it to another, so members reconnect through the balancer at once.
haproxy_config() {
    cat <<CFG
global
    # Each proxied connection holds two descriptors (client and node side).
    maxconn $(( $(ulimit -n) / 2 - 100 ))
defaults
    mode http
    timeout connect 2s
    timeout client 180s
    timeout server 180s
    timeout tunnel 1h
    option redispatch
    retries 3
frontend stats
    bind 127.0.0.1:$FRONT
    stats enable
    stats uri /stats
CFG
    local t offset
    for t in short-polling:1 long-polling:2 websocket:3 sse:4; do
        offset=${t#*:}
        t=${t%:*}
        printf 'frontend %s\n    bind 127.0.0.1:%d\n    default_backend %s\n' "$t" $((FRONT + offset)) "$t"
        printf 'backend %s\n' "$t"
        case "$BALANCE" in
            roundrobin) echo "    balance roundrobin" ;;
            source) echo "    balance source" ;;
            cookie) printf '    balance roundrobin\n    cookie PBNODE insert indirect nocache\n' ;;
        esac
        for ((i = 1; i <= NODES; i++)); do
            printf '    server node%d 127.0.0.1:%d check inter 500ms fall 1 rise 2%s\n' "$i" \
                $((NODE_BASE + 10 * i + offset)) "$([[ $BALANCE == cookie ]] && echo " cookie node$i")"
        done
    done
}

PIDS=()
# Stops in reverse start order, each part gone before the next: the nodes finish their store calls while Redis
# still answers.
stop_all() {
    trap - EXIT INT TERM
    local i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        kill "${PIDS[i]}" 2>/dev/null || true
        wait "${PIDS[i]}" 2>/dev/null || true
    done
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() { # what, command...
    local what=$1; shift
    for _ in $(seq 1 900); do # 90 s: three nodes starting at once on a loaded 2-core machine took over 30 s
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "cluster.sh: $what did not come up (logs in $DIR)" >&2
    exit 1
}

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
    >"$DIR/redis.log" 2>&1 &
PIDS+=($!)
REDIS_PID=$!
wait_for "redis-server on port $REDIS_PORT" redis-cli -p "$REDIS_PORT" ping
echo "cluster redis redis://127.0.0.1:$REDIS_PORT pid $REDIS_PID"

for ((i = 1; i <= NODES; i++)); do
    base=$((NODE_BASE + 10 * i))
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:--Xms256m -Xmx512m} -jar "$JAR" --engine "$ENGINE" --store "redis://127.0.0.1:$REDIS_PORT" \
        --admin-port "$base" --short-polling-port $((base + 1)) --long-polling-port $((base + 2)) \
        --websocket-port $((base + 3)) --sse-port $((base + 4)) "${NODE_ARGS[@]}" >"$DIR/node$i.log" 2>&1 &
    PIDS+=($!)
    echo $! >"$DIR/node$i.pid"
done

haproxy_config >"$DIR/haproxy.cfg"
for ((i = 1; i <= NODES; i++)); do
    wait_for "node $i" curl -fs "http://127.0.0.1:$((NODE_BASE + 10 * i))/health"
    echo "cluster node $i pid $(cat "$DIR/node$i.pid") admin http://127.0.0.1:$((NODE_BASE + 10 * i))/"
done
haproxy -W -db -f "$DIR/haproxy.cfg" >"$DIR/haproxy.log" 2>&1 &
PIDS+=($!)
HAPROXY_PID=$!
wait_for "haproxy" curl -fs "http://127.0.0.1:$FRONT/stats"
echo "cluster balancer pid $HAPROXY_PID"
echo "cluster balancer short-polling http://127.0.0.1:$((FRONT + 1))"
echo "cluster balancer long-polling http://127.0.0.1:$((FRONT + 2))"
echo "cluster balancer websocket ws://127.0.0.1:$((FRONT + 3))"
echo "cluster balancer sse http://127.0.0.1:$((FRONT + 4))"
echo "cluster ready (logs in $DIR; Ctrl-C stops it)"
# A node may die (or be killed) and the cluster goes on; without Redis or HAProxy it cannot.
wait -n "$REDIS_PID" "$HAPROXY_PID" || true
echo "cluster.sh: redis-server or haproxy exited; stopping the rest (logs in $DIR)" >&2
exit 1
