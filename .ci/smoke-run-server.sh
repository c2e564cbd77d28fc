#!/usr/bin/env bash
# Smoke test of the README's start command: ./run-server.sh builds what is missing, serves the
# example functions on the port given by the env override, and exits 0 on SIGTERM. On the way,
# the project's ./flexfun command calls Sales as a separate process (its output and exit codes).
#   .ci/smoke-run-server.sh [PROJECT_DIR [FUNCTION ...]]
# Default: this repository and two of its examples; .ci/archetype-check.sh passes a generated project.
# Three starts on the JDK run-server.sh picks (JAVA_HOME or the PATH's): the first records the class
# cache when it stops, the second starts from it (its classes come from the cache), the third from a
# damaged cache, which the JVM must skip (the server still serves, its classes from the jars).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "${1:-$repo}"
expected_functions=("${@:2}")
[[ ${#expected_functions[@]} -gt 0 ]] || expected_functions=(Sales SampleFlexFunction)
python="$repo/.venv/bin/python"

serve_once() {
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp /tmp/flexfun-smoke.XXXXXX.log)
rm -f "$class_log"*   # the JVM would keep an older log as $class_log.0
# class_log: where the server's JVM (not ./flexfun's) logs where each class came from.
GOODDATA_FLIGHT_SERVER__LISTEN_PORT=$port JAVA_OPTS="${JAVA_OPTS:-} -Xlog:class+load=info:file=$class_log" \
  ./run-server.sh --dev-log >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT

# Wait (at most ~3 minutes: the first run builds) until the Flight port accepts connections.
for _ in $(seq 1 360); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  if ! kill -0 $server 2>/dev/null; then echo "FAILED: run-server.sh exited early"; cat "$log"; exit 1; fi
  sleep 0.5
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "FAILED: nothing listens on $port"; cat "$log"; exit 1; }

if [[ -x $python ]] && "$python" -c 'import pyarrow.flight' 2>/dev/null; then
  names=$("$python" - "$port" <<'PY'
import json, sys
import pyarrow.flight as fl
client = fl.connect(f"grpc://127.0.0.1:{sys.argv[1]}")
print(" ".join(sorted(json.loads(f.descriptor.command)["functionName"] for f in client.list_flights())))
PY
)
  echo "run-server.sh serves: $names"
  for expected in "${expected_functions[@]}"; do
    [[ " $names " == *" $expected "* ]] || { echo "FAILED: $expected is not served"; cat "$log"; exit 1; }
  done
else
  # Without a Flight client, the server's start-up log says what it serves.
  for expected in "${expected_functions[@]}"; do
    grep -q "Serving function $expected " "$log" || { echo "FAILED: the log does not say $expected is served"; cat "$log"; exit 1; }
  done
  echo "pyarrow not available: checked that run-server.sh listens on $port and logs serving ${expected_functions[*]}"
fi

# The project's ./flexfun (a process of its own, built on first use) lists and calls the functions.
url="grpc://127.0.0.1:$port"
listed=$(./flexfun list --url "$url")
for expected in "${expected_functions[@]}"; do
  grep -q "^$expected " <<<"$listed" || { echo "FAILED: ./flexfun list does not show $expected:"; echo "$listed"; exit 1; }
done
rows=$(./flexfun call "${expected_functions[0]}" --url "$url" --format csv --limit 3)
[[ $(wc -l <<<"$rows") -ge 2 ]] || { echo "FAILED: ./flexfun call ${expected_functions[0]} printed:"; echo "$rows"; exit 1; }
flexfun_code=0
./flexfun call Nope --url "$url" 2>/dev/null || flexfun_code=$?
[[ $flexfun_code -eq 1 ]] || { echo "FAILED: ./flexfun call Nope exited with $flexfun_code, not 1"; exit 1; }
echo "ok: ./flexfun listed and called ${expected_functions[0]}, and reported a server error with exit code 1"

kill -TERM $server
exit_code=0
wait $server || exit_code=$?
trap - EXIT
if [[ $exit_code -ne 0 ]]; then
  echo "FAILED: run-server.sh exited with $exit_code after SIGTERM"; cat "$log"; exit 1
fi
echo "ok: run-server.sh served on $port and stopped on SIGTERM with exit code 0 ($1)"
}

# Where run-server.sh keeps its class caches: this repository's examples, or a generated project's build.
app=target/app
[[ $PWD == "$repo" ]] && app=examples/target/app
main_class='dev\.flexfun\.server\.Main'
class_log_dir=$(mktemp -d /tmp/flexfun-smoke-classes.XXXXXX)
class_log=$class_log_dir/classes.log
rm -f "$app"/flexfun-class-cache-*
serve_once "first start: records the class cache"
cache=$(ls "$app"/flexfun-class-cache-* 2>/dev/null | head -n 1)
[[ -s $cache ]] || { echo "FAILED: the first run-server.sh run recorded no class cache in $app"; exit 1; }
serve_once "second start: from $cache"
grep -q "$main_class source: shared objects file" "$class_log" \
  || { echo "FAILED: the second start did not load its classes from $cache:"; grep "$main_class" "$class_log"; exit 1; }
echo "not a class cache" > "$cache"
serve_once "third start: a damaged $cache is skipped"
grep -q "$main_class source: file:" "$class_log" \
  || { echo "FAILED: with a damaged cache, the server's classes should come from its jars:"; grep "$main_class" "$class_log"; exit 1; }
rm -rf "$cache" "$class_log_dir"
