#!/usr/bin/env bash
# Starts the FlexFun server with the example functions and the settings in config/*.toml.
#   ./run-server.sh [--dev-log] [more-settings.toml ...]
# Environment overrides always win, e.g. GOODDATA_FLIGHT_SERVER__LISTEN_PORT=18000 ./run-server.sh
# Builds first when a pom.xml or a main source is newer than the last build. Extra JVM flags: JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")"

CLASSPATH_FILE=examples/target/runtime-classpath.txt

needs_build() {
  [[ ! -f $CLASSPATH_FILE ]] && return 0
  [[ -n $(find . -path ./.git -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$CLASSPATH_FILE" -print -quit) ]]
}

if needs_build; then
  echo "run-server.sh: building (mvn package) ..." >&2
  mvn -B -q package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >&2
  touch "$CLASSPATH_FILE" # the plugin leaves an unchanged file alone; its time marks the build
fi

examples_jar=$(find examples/target -maxdepth 1 -name 'examples-*.jar' ! -name '*-tests.jar' | head -n 1)
mapfile -t jvm_flags < <(grep -Ev '^[[:space:]]*(#|$)' config/jvm.options)
shopt -s nullglob
config_files=(config/*.toml)

# exec: the JVM replaces this shell, so SIGTERM reaches the server (which then stops cleanly, exit 0).
# shellcheck disable=SC2086
exec java "${jvm_flags[@]}" ${JAVA_OPTS:-} -cp "$examples_jar:$(cat "$CLASSPATH_FILE")" \
  dev.flexfun.server.Main "${config_files[@]}" "$@"
