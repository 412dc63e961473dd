#!/usr/bin/env bash
# The scripts' shared first step: builds the jars (tests skipped) when JAR is missing or a source is newer than it,
# so that a script run after a pull never measures old code.
#   scripts/build-if-stale.sh JAR [extra mvn arguments, e.g. -pl servers]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$1
shift
if [[ ! -f "$JAR" || -n "$(find pom.xml servers/pom.xml benchmarks/pom.xml servers/src/main benchmarks/src/main \
        -newer "$JAR" -print -quit)" ]]; then
    echo "building $JAR ..."
    mvn -B -q -DskipTests "$@" package
fi
