#!/usr/bin/env bash
# Runs the pushbench suite through JMH and writes results/<timestamp>/ (results/README.md explains the files),
# then prints the side-by-side summary.
#
#   scripts/run-benchmarks.sh --quick            FanOut and IdleCost on every transport and engine, ~3 minutes
#   scripts/run-benchmarks.sh --full             the reference run (payload sizes, header profiles, polling
#                                                sweep, Capacity up to 8,000 clients), ~30 minutes
#   scripts/run-benchmarks.sh --quick --out DIR  results into DIR;  --engines netty  one engine only
#
# One benchmark by hand, with JMH's own flags:
#   java -jar benchmarks/target/benchmarks.jar FanOut -prof org.pushbench.bench.jmh.WindowProfiler -p clients=1000
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/benchmarks.jar
scripts/build-if-stale.sh "$JAR"

if [[ $# -eq 0 ]]; then
    set -- --quick
fi
exec java -cp "$JAR" org.pushbench.bench.report.RunSuite "$@"
