#!/usr/bin/env bash
# The soak of issue 7: one chat server with all three transports under a mixed load, clients vanishing and
# joining throughout; then it checks that no message was lost, duplicated or reordered, that the server's heap
# (after GC) and threads did not grow beyond the stated bounds, and that it released every connection, held poll
# and subscription once the clients left. Prints a report; exits non-zero when any check fails.
#
#   scripts/soak.sh                          10 minutes on Netty, 200 members per transport, 20 msg/s per room
#   scripts/soak.sh --duration 30s           what CI runs
#   scripts/soak.sh --engine jetty --out DIR  on Jetty, also writing DIR/soak.txt and DIR/soak.json
#   scripts/soak.sh --help                   every flag
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/benchmarks.jar
if [[ ! -f "$JAR" ]]; then
    echo "building $JAR ..."
    mvn -B -q -DskipTests package
fi
exec java -cp "$JAR" org.pushbench.bench.soak.Soak "$@"
