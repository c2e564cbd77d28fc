#!/usr/bin/env bash
# Starts the FlexFun server with the example functions and the settings in config/*.toml.
#   ./run-server.sh [--dev-log] [more-settings.toml ...]
# Environment overrides always win, e.g. GOODDATA_FLIGHT_SERVER__LISTEN_PORT=18000 ./run-server.sh
# Builds first when a pom.xml or a main source is newer than the last build. Extra JVM flags: JAVA_OPTS.
# Optional, off by default: FLEXFUN_APPCDS=1 starts the JVM from an AppCDS archive of the classes the
# server loads (about 2.5x faster to the first ListFlights, see benchmarks/README.md). The first such
# run records the archive when the server stops; a rebuild deletes it.
set -euo pipefail
cd "$(dirname "$0")"

# `mvn package` puts the examples' jar and every runtime dependency here (see examples/pom.xml);
# the Dockerfile copies the same folder into its image.
APP_LIB=examples/target/app/lib
BUILD_MARK=examples/target/app/.built
CDS_ARCHIVE=examples/target/app/flexfun-appcds.jsa

needs_build() {
  [[ ! -f $BUILD_MARK ]] && return 0
  [[ -n $(find . -path ./.git -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$BUILD_MARK" -print -quit) ]]
}

if needs_build; then
  echo "run-server.sh: building (mvn package) ..." >&2
  rm -rf "$APP_LIB" "$CDS_ARCHIVE"
  mvn -B -q package -DskipTests >&2
  touch "$BUILD_MARK"
fi

cds_flags=()
if [[ ${FLEXFUN_APPCDS:-} == 1 ]]; then
  if [[ -f $CDS_ARCHIVE ]]; then
    cds_flags=("-XX:SharedArchiveFile=$CDS_ARCHIVE")
  else
    echo "run-server.sh: FLEXFUN_APPCDS=1: recording $CDS_ARCHIVE when this server stops; later runs start from it" >&2
    # -Xlog:cds=off: the dump lists every class it skips (JFR events, generated accessors) as a warning.
    cds_flags=("-XX:ArchiveClassesAtExit=$CDS_ARCHIVE" -Xlog:cds=off)
  fi
fi

shopt -s nullglob
config_files=(config/*.toml)

# exec: the JVM replaces this shell, so SIGTERM reaches the server (which then stops cleanly, exit 0).
# JVM flags Arrow needs come from config/jvm.options, the one place they are kept.
# shellcheck disable=SC2086
exec java @config/jvm.options "${cds_flags[@]}" ${JAVA_OPTS:-} -cp "$APP_LIB/*" \
  dev.flexfun.server.Main "${config_files[@]}" "$@"
