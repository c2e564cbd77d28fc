#!/usr/bin/env bash
# Smoke test of the README's start command: ./run-server.sh builds what is missing, serves the
# example functions on the port given by the env override, and exits 0 on SIGTERM.
#   .ci/smoke-run-server.sh [PROJECT_DIR [FUNCTION ...]]
# Default: this repository and two of its examples; .ci/archetype-check.sh passes a generated project.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "${1:-$repo}"
expected_functions=("${@:2}")
[[ ${#expected_functions[@]} -gt 0 ]] || expected_functions=(Sales SampleFlexFunction)
python="$repo/.venv/bin/python"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp /tmp/flexfun-smoke.XXXXXX.log)
GOODDATA_FLIGHT_SERVER__LISTEN_PORT=$port ./run-server.sh --dev-log >"$log" 2>&1 &
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

kill -TERM $server
exit_code=0
wait $server || exit_code=$?
trap - EXIT
if [[ $exit_code -ne 0 ]]; then
  echo "FAILED: run-server.sh exited with $exit_code after SIGTERM"; cat "$log"; exit 1
fi
echo "ok: run-server.sh served on $port and stopped on SIGTERM with exit code 0"
