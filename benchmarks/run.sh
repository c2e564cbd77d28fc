#!/usr/bin/env bash
# Builds and runs the benchmarks (see benchmarks/README.md):
#   ./benchmarks/run.sh -f 1 -wi 3 -i 5           JMH write benchmark (arguments go to JMH)
#   ./benchmarks/run.sh doget [rows] [warm-ups] [runs]   DoGet throughput over loopback Flight RPC
#   ./benchmarks/run.sh orders [rows] [warm-ups] [runs]  Orders (JDBC) vs OrdersArrow (DuckDB Arrow) over loopback Flight RPC
#   ./benchmarks/run.sh startup [rounds]          process start -> first ListFlights of the example server
#   ./benchmarks/run.sh robustness [overload[:clients:seconds]] [storm[:streams]] [giveup] [malformed]
#                                                 overload and fault scenarios against a loopback server
set -euo pipefail
cd "$(dirname "$0")/.."
# The Arrow JVM flags live in config/jvm.options (comments and blank lines skipped); JMH forks inherit them.
mapfile -t JVM_FLAGS < <(grep -v '^\s*#' config/jvm.options | grep -v '^\s*$')
case "${1:-}" in
  doget)
    shift
    mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
    exec java "${JVM_FLAGS[@]}" -cp benchmarks/target/benchmarks.jar dev.flexfun.benchmarks.DoGetBenchmark "$@"
    ;;
  robustness)
    shift
    mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
    exec java "${JVM_FLAGS[@]}" -cp benchmarks/target/benchmarks.jar dev.flexfun.benchmarks.RobustnessHarness "$@"
    ;;
  orders)
    shift
    mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
    exec java "${JVM_FLAGS[@]}" -cp benchmarks/target/benchmarks.jar dev.flexfun.benchmarks.OrdersBenchmark "$@"
    ;;
  startup)
    shift
    # The whole build: the server under test runs from examples/target/app/lib, as run-server.sh starts it.
    mvn -B -q -Pbench package -DskipTests
    exec java "${JVM_FLAGS[@]}" -cp benchmarks/target/benchmarks.jar dev.flexfun.benchmarks.StartupBenchmark "$@"
    ;;
  *)
    mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
    exec java "${JVM_FLAGS[@]}" -jar benchmarks/target/benchmarks.jar "$@"
    ;;
esac
