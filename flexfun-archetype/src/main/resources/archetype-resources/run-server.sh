#!/usr/bin/env bash
# Serves this project's functions with the FlexFun server and the settings in config/*.toml.
#   ./run-server.sh [--dev-log] [more-settings.toml ...]
# GOODDATA_FLIGHT_<SECTION>__<KEY> environment variables override the files, e.g.
#   GOODDATA_FLIGHT_SERVER__LISTEN_PORT=18000 ./run-server.sh
# Builds first (mvn package) when pom.xml or src/main changed since the last build. Extra JVM flags: JAVA_OPTS.
# Ctrl-C or SIGTERM: running calls finish, then the server exits with 0.
set -euo pipefail
cd "$(dirname "$0")"

APP=target/app   # this project's jar; its runtime dependencies in target/app/lib (see pom.xml)

if [[ ! -f $APP/.built || -n $(find pom.xml src/main -newer "$APP/.built" -print -quit) ]]; then
  echo "run-server.sh: building (mvn package) ..." >&2
  rm -rf "$APP"
  mvn -B -q package -DskipTests >&2
  touch "$APP/.built"
fi

shopt -s nullglob
config_files=(config/*.toml)

# exec: the JVM replaces this shell, so SIGTERM reaches the server. JVM flags: config/jvm.options.
# shellcheck disable=SC2086
exec java @config/jvm.options ${JAVA_OPTS:-} -cp "$APP/*:$APP/lib/*" \
  dev.flexfun.server.Main "${config_files[@]}" "$@"
