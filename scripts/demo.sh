#!/usr/bin/env bash
# The classroom demo (docs/DEMO.md): starts the three chat servers and the demo page on the admin port, then
# prints the page's address. Stop it with Ctrl-C. Extra arguments go to the launcher (java -jar ... --help).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=servers/target/chat-servers.jar
scripts/build-if-stale.sh "$JAR" -pl servers

ADMIN_PORT=8080
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
        --admin-port) ADMIN_PORT="${args[i + 1]:-8080}" ;;
        --admin-port=*) ADMIN_PORT="${args[i]#*=}" ;;
    esac
done

java -jar "$JAR" --classroom-demo "$@" &
SERVERS=$!
trap 'kill "$SERVERS" 2>/dev/null || true; wait "$SERVERS" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$ADMIN_PORT/health" >/dev/null 2>&1; then
        echo
        echo "  The classroom demo is up: open http://localhost:$ADMIN_PORT/"
        echo "  (teacher's guide: docs/DEMO.md; Ctrl-C stops the servers)"
        echo
        wait "$SERVERS"
        exit $?
    fi
    if ! kill -0 "$SERVERS" 2>/dev/null; then
        echo "the servers did not start; see the messages above" >&2
        exit 1
    fi
    sleep 0.2
done
echo "the admin port $ADMIN_PORT did not answer within 20 s" >&2
exit 1
