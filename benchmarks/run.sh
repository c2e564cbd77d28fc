#!/usr/bin/env bash
# Builds and runs the write benchmarks. Extra arguments go to JMH, e.g. ./benchmarks/run.sh -f 1 -wi 3 -i 5
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
# The Arrow JVM flags live in config/jvm.options (comments and blank lines skipped); JMH forks inherit them.
mapfile -t JVM_FLAGS < <(grep -v '^\s*#' config/jvm.options | grep -v '^\s*$')
exec java "${JVM_FLAGS[@]}" -jar benchmarks/target/benchmarks.jar "$@"
