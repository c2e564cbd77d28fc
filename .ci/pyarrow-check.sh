#!/usr/bin/env bash
# pyarrow interoperability check: starts the server's Main with this module's test registry on a free
# port, with token authentication, and runs flexfun-server/src/test/python/pyarrow_client_test.py against it, then stops the server
# with SIGTERM and checks it exits with 0. Skips (exit 0, with the reason) when pyarrow cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c 'import pyarrow.flight' 2>/dev/null; then
  if ! { python3 -m venv .venv && .venv/bin/pip install -q pyarrow; } >/tmp/pyarrow-install.log 2>&1; then
    echo "SKIPPED pyarrow check: pyarrow could not be installed (see /tmp/pyarrow-install.log)"
    exit 0
  fi
fi

source .ci/test-classpath.sh   # sets $classpath and $jvm_flags
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=flexfun-server/target/pyarrow-check-server.log

token=pyarrow-check-token
GOODDATA_FLIGHT_SERVER__LISTEN_PORT=$port GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST=127.0.0.1 \
GOODDATA_FLIGHT_FLEXFUN__POLLING_INTERVAL_MS=200 \
GOODDATA_FLIGHT_SERVER__AUTHENTICATION_METHOD=token GOODDATA_FLIGHT_ENUMERATED_TOKENS__TOKENS="[\"$token\"]" \
  java "${jvm_flags[@]}" -cp "$classpath" dev.flexfun.server.Main >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT

status=0
.venv/bin/python flexfun-server/src/test/python/pyarrow_client_test.py "$port" "$token" || status=$?

kill -TERM $server
exit_code=0
wait $server || exit_code=$?
trap - EXIT
if [[ $exit_code -ne 0 ]]; then
  echo "FAILED: the server exited with $exit_code after SIGTERM (log: $log)"
  exit 1
fi
if [[ $status -ne 0 ]]; then
  echo "FAILED: pyarrow interoperability (server log: $log)"
  exit $status
fi
echo "ok: the server stopped on SIGTERM with exit code 0"
