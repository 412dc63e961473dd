#!/usr/bin/env bash
# Soak: one server JVM with all four transports under a mixed load, with vanishing clients injected all along,
# then a verdict: every message delivered once and in order, connections, held requests and subscriptions back
# to zero, live heap and threads within stated bounds. Exits non-zero otherwise.
#
#   scripts/soak.sh                          10 minutes, Netty
#   scripts/soak.sh --duration 30s           what CI runs
#   scripts/soak.sh --engine jetty --clients 500 --rate 20 --out results/soak
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/benchmarks.jar
scripts/build-if-stale.sh "$JAR"
exec java -Xms1g -Xmx1g -cp "$JAR" org.pushbench.bench.soak.Soak "$@"
