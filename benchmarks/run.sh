#!/usr/bin/env bash
# Builds and runs the benchmarks (see benchmarks/README.md):
#   ./benchmarks/run.sh -f 1 -wi 3 -i 5           JMH write benchmark (arguments go to JMH)
#   ./benchmarks/run.sh doget [rows] [warm-ups] [runs]   DoGet throughput over loopback Flight RPC
#   ./benchmarks/run.sh orders [rows] [warm-ups] [runs]  Orders (JDBC) vs OrdersArrow (DuckDB Arrow) over loopback Flight RPC
#   ./benchmarks/run.sh startup [rounds]          process start -> first ListFlights of the example server
#   ./benchmarks/run.sh small [calls]             small calls only (SERVER_JAVA_OPTS: flags for the server, e.g. JFR)
#   ./benchmarks/run.sh summary [rows] [reads] [small calls] [streamed rows] [start-up rounds]
#                                                 every figure of the performance issue in one table, each
#                                                 with its ratio to a baseline measured in the same run
#   ./benchmarks/run.sh robustness [overload[:clients:seconds]] [storm[:streams]] [giveup] [malformed] [soak[:seconds[:clients]]]
#                                                 overload and fault scenarios against a loopback server
set -euo pipefail
cd "$(dirname "$0")/.."
# The Arrow JVM flags live in config/jvm.options (comments and blank lines skipped); JMH forks inherit them.
mapfile -t JVM_FLAGS < <(grep -v '^\s*#' config/jvm.options | grep -v '^\s*$')
JVM_FLAGS+=(-Dlogback.configurationFile=logback-benchmarks.xml)
# Builds the benchmarks module (and what it depends on), then runs one of its main classes.
run_bench_main() {
  local main=$1
  shift
  mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
  exec java "${JVM_FLAGS[@]}" -cp benchmarks/target/benchmarks.jar "dev.flexfun.benchmarks.$main" "$@"
}

case "${1:-}" in
  doget) shift; run_bench_main DoGetBenchmark "$@" ;;
  robustness) shift; run_bench_main RobustnessHarness "$@" ;;
  orders) shift; run_bench_main OrdersBenchmark "$@" ;;
  small) shift; run_bench_main SmallCallsBenchmark "$@" ;;
  startup)
    shift
    # The whole build: the server under test runs from examples/target/app/lib, as run-server.sh starts it.
    mvn -B -q -Pbench package -DskipTests
    exec java "${JVM_FLAGS[@]}" -cp benchmarks/target/benchmarks.jar dev.flexfun.benchmarks.StartupBenchmark "$@"
    ;;
  summary)
    shift
    mvn -B -q -Pbench package -DskipTests
    # run-server.sh (timed for start-up) rebuilds when its build mark is older than the sources: this
    # build is the same `mvn package` (plus the bench module), so mark it as current.
    touch examples/target/app/.built
    # The rows are read by pyarrow, as GoodData reads them, when pip can install it (configured index);
    # otherwise by a Java FlightClient (the table says which).
    if [[ ! -x benchmarks/.venv/bin/python ]] && command -v python3 >/dev/null; then
      python3 -m venv benchmarks/.venv && benchmarks/.venv/bin/pip install -q pyarrow \
        || echo "run.sh: no pyarrow; a Java client reads the rows" >&2
    fi
    # run-server.sh is also started on every other JDK found here (e.g. 25, for its AOT cache).
    if [[ -z ${BENCH_JAVA_HOMES:-} ]]; then
      BENCH_JAVA_HOMES=$(find /usr/lib/jvm -maxdepth 1 -name '*25*' -type d 2>/dev/null | paste -sd: -)
      export BENCH_JAVA_HOMES
    fi
    exec java "${JVM_FLAGS[@]}" -cp benchmarks/target/benchmarks.jar dev.flexfun.benchmarks.SummaryBenchmark "$@"
    ;;
  *)
    mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
    exec java "${JVM_FLAGS[@]}" -jar benchmarks/target/benchmarks.jar "$@"
    ;;
esac
