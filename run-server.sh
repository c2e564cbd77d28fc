#!/usr/bin/env bash
# Starts the FlexFun server with the example functions and the settings in config/*.toml.
#   ./run-server.sh [--dev-log] [more-settings.toml ...]
# Environment overrides always win, e.g. GOODDATA_FLIGHT_SERVER__LISTEN_PORT=18000 ./run-server.sh
# Builds first when a pom.xml or a main source is newer than the last build. Extra JVM flags: JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")"

# `mvn package` puts the examples' jar and every runtime dependency here (see examples/pom.xml);
# the Dockerfile copies the same folder into its image.
APP_LIB=examples/target/app/lib
BUILD_MARK=examples/target/app/.built

needs_build() {
  [[ ! -f $BUILD_MARK ]] && return 0
  [[ -n $(find . -path ./.git -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$BUILD_MARK" -print -quit) ]]
}

if needs_build; then
  echo "run-server.sh: building (mvn package) ..." >&2
  rm -rf "$APP_LIB"
  mvn -B -q package -DskipTests >&2
  touch "$BUILD_MARK"
fi

shopt -s nullglob
config_files=(config/*.toml)

# exec: the JVM replaces this shell, so SIGTERM reaches the server (which then stops cleanly, exit 0).
# JVM flags Arrow needs come from config/jvm.options, the one place they are kept.
# shellcheck disable=SC2086
exec java @config/jvm.options ${JAVA_OPTS:-} -cp "$APP_LIB/*" \
  dev.flexfun.server.Main "${config_files[@]}" "$@"
