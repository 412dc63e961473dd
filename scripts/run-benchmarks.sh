#!/usr/bin/env bash
# Runs the pushbench suite through JMH and writes results/<timestamp>/ (results/README.md explains the files),
# prints the side-by-side summary, then plots the run and writes its report.html when matplotlib is present.
#
#   scripts/run-benchmarks.sh --quick            FanOut and IdleCost on every transport and engine, ~3 minutes
#   scripts/run-benchmarks.sh --full             the reference run (payload sizes, header profiles, polling
#                                                sweep, Capacity up to 8,000 clients), ~30 minutes
#   scripts/run-benchmarks.sh --networks         the network sweep (FanOut, FirstMessage, DeadServer on links)
#   scripts/run-benchmarks.sh --quick --out DIR  results into DIR;  --engines netty  one engine only;
#                                                --only DeadServer  of the mode's benchmarks only these
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
# The result directory is chosen here (RunSuite's own default, results/<timestamp>) so that the plots find it.
out=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    if [[ ${args[i]} == --out && $((i + 1)) -lt ${#args[@]} ]]; then
        out=${args[i + 1]}
    fi
done
if [[ -z $out ]]; then
    out="results/$(date +%Y-%m-%dT%H-%M-%S)"
    set -- "$@" --out "$out"
fi
java -cp "$JAR" org.pushbench.bench.report.RunSuite "$@"

# plot.py needs matplotlib and markdown; Debian's python3 may have them when the first python3 on the PATH has not.
for python in python3 /usr/bin/python3; do
    if command -v "$python" >/dev/null && "$python" -c 'import matplotlib, markdown' 2>/dev/null; then
        "$python" scripts/plot.py "$out" || { echo "run-benchmarks: plot.py failed; the results in $out are whole" >&2; exit 1; }
        exit 0
    fi
done
echo "run-benchmarks: no plots or report.html: scripts/plot.py needs matplotlib and markdown" \
     "(apt-get install python3-matplotlib python3-markdown, or pip install matplotlib markdown);" \
     "then: python3 scripts/plot.py $out" >&2
