#!/usr/bin/env bash
# Prints the JSON that registers this server as a GoodData data source (POST /api/v1/entities/dataSources),
# from the same settings as run-server.sh: config/*.toml, then the files given, then GOODDATA_FLIGHT_* env.
#   ./datasource-payload.sh [--ca config/ca.pem] [--token TOKEN | --token-file FILE] [--url URL ...]
#                           [--type FLIGHTRPC|FLEXCONNECT] [more-settings.toml ...]
#   ./datasource-payload.sh --help      # every option
# Builds first when a pom.xml or a main source is newer than the last build, as run-server.sh does.
set -euo pipefail
cd "$(dirname "$0")"

APP_LIB=examples/target/app/lib
BUILD_MARK=examples/target/app/.built

needs_build() {
  [[ ! -f $BUILD_MARK ]] && return 0
  [[ -n $(find . -path ./.git -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$BUILD_MARK" -print -quit) ]]
}

if needs_build; then
  echo "datasource-payload.sh: building (mvn package) ..." >&2
  rm -rf "$APP_LIB"
  mvn -B -q package -DskipTests >&2
  touch "$BUILD_MARK"
fi

shopt -s nullglob
config_files=(config/*.toml)

# shellcheck disable=SC2086
exec java @config/jvm.options ${JAVA_OPTS:-} -cp "$APP_LIB/*" \
  dev.flexfun.server.tools.DataSourcePayloadCommand "${config_files[@]}" "$@"
