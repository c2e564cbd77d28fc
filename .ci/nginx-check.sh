#!/usr/bin/env bash
# Scale-out check: 3 server processes on loopback behind nginx (Debian nginx-light, grpc_pass, plain
# round robin, .ci/nginx/flexfun-grpc.conf.template), every replica advertising the balancer; that
# once in deferred mode and once in eager mode (6 replicas, 2 nginx, started together). A Java client
# (BalancedCallsClient) makes 300 calls with 1 client and with 8 through each balancer:
#   deferred mode (flexfun.invocation_mode = "deferred"): must be 300/300 both times;
#   eager mode (the default): the DoGet usually reaches another replica and fails with INVALID_TICKET;
#   the counts are printed, and the check fails if eager mode does not show that failure.
# nginx runs as an unprivileged process (as nobody when this script runs as root). Installs
# nginx-light with apt-get when missing; skips (exit 0, with the reason) only when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v nginx >/dev/null; then
  if [[ $(id -u) -ne 0 ]] || ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; } \
      >/tmp/nginx-install.log 2>&1; then
    echo "SKIPPED nginx check: nginx-light could not be installed (needs root and apt-get; see /tmp/nginx-install.log)"
    exit 0
  fi
fi

source .ci/test-classpath.sh   # sets $classpath and $jvm_flags
# Seven JVMs share the machine: the quick compiler and the serial collector start them faster and lighter
# (run-server.sh documents the same trade-off); the server's own flags still come from config/jvm.options.
jvm_flags+=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
work=$(mktemp -d /tmp/flexfun-nginx-check.XXXXXX)
chmod 755 "$work"
pids=()
listening=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

await_port() { # port, what: waits up to 90 s for a listener
  for _ in $(seq 900); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "FAILED: $2 did not listen on 127.0.0.1:$1 within 90 s (logs in $work)"
  exit 1
}

start_replicas() { # mode, balancer port: 3 replicas advertising the balancer; sets $upstream_servers
  local mode=$1 balancer=$2 port
  upstream_servers=""
  for i in 1 2 3; do
    port=$(free_port)
    GOODDATA_FLIGHT_SERVER__LISTEN_PORT=$port GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST=127.0.0.1 \
    GOODDATA_FLIGHT_SERVER__ADVERTISE_PORT=$balancer GOODDATA_FLIGHT_SERVER__SHUTDOWN_GRACE_SEC=2 \
    GOODDATA_FLIGHT_FLEXFUN__INVOCATION_MODE=$mode \
    GOODDATA_FLIGHT_FLEXFUN__TICKET_KEYS='["nginx-check-key-shared-by-all-three-replicas"]' \
      java "${jvm_flags[@]}" -cp "$classpath" dev.flexfun.server.Main >"$work/$mode-replica-$i.log" 2>&1 &
    pids+=($!)
    listening+=("$port:$mode replica $i")
    upstream_servers+="server 127.0.0.1:$port; "
  done
}

start_nginx() { # mode, port
  local prefix=$work/nginx-$1 run=()
  mkdir -p "$prefix"
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@PORT@|$2|g" -e "s|@UPSTREAM_SERVERS@|$upstream_servers|g" \
    .ci/nginx/flexfun-grpc.conf.template >"$prefix/nginx.conf"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R nobody "$prefix"
    run=(setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all)
  fi
  "${run[@]}" nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" 2>"$work/nginx-$1.stderr" &
  pids+=($!)
  listening+=("$2:nginx ($1)")
}

targets=()
for mode in deferred eager; do
  balancer=$(free_port)
  start_replicas "$mode" "$balancer"
  start_nginx "$mode" "$balancer"
  targets+=("$mode=127.0.0.1:$balancer")
done
for entry in "${listening[@]}"; do await_port "${entry%%:*}" "${entry#*:}"; done
echo "nginx check: built and started in ${SECONDS}s"

status=0
while read -r line; do
  echo "nginx check, $line"
  if [[ $line == deferred:* && $line != *" ok=300"* ]]; then
    echo "FAILED: deferred mode must serve 300 of 300 calls through the balancer"
    status=1
  fi
  if [[ $line == eager:* && $line != *"INVALID_TICKET="* ]]; then
    echo "FAILED: eager mode behind a per-call balancer should show INVALID_TICKET (what deferred mode solves)"
    status=1
  fi
done < <(timeout 150 java "${jvm_flags[@]}" -cp "$classpath" dev.flexfun.server.balancer.BalancedCallsClient \
  300 "${targets[@]}" 2>"$work/client.log" || echo "client: FAILED (exit $?, log $work/client.log)")
[[ $status -eq 0 ]] && echo "ok: in ${SECONDS}s; deferred mode serves every call through nginx, eager mode does not"
exit $status
