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
    # -q: only Maven's warnings and errors; Debian's Maven writes bare ANSI resets (ESC[0m) even then, dropped here.
    mvn -B -q -DskipTests "$@" package 2>&1 | sed -u -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2
fi
