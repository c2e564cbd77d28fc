#!/usr/bin/env bash
# Starts the FlexFun server with the example functions and the settings in config/*.toml.
#   ./run-server.sh [--dev-log] [more-settings.toml ...]
# Environment overrides always win, e.g. GOODDATA_FLIGHT_SERVER__LISTEN_PORT=18000 ./run-server.sh
# Builds first when a pom.xml or a main source is newer than the last build. Extra JVM flags: JAVA_OPTS.
# Java: $JAVA_HOME/bin/java when JAVA_HOME is set, else the java on the PATH.
# Class cache (on; FLEXFUN_CLASS_CACHE=0 turns it off): the first run records the classes the server
# loads when it stops (SIGTERM, Ctrl-C); later runs start from them, 2-4x faster to the first
# ListFlights (see benchmarks/README.md). JDK 25 and later: an AOT cache (classes loaded and linked
# ahead of time); JDK 17-24: an AppCDS archive. One cache per JDK version; a rebuild deletes them, and
# one older than a jar (packaged since) is recorded anew; a cache the JVM cannot use for another reason
# is skipped and the server starts without it.
set -euo pipefail
cd "$(dirname "$0")"

# `mvn package` puts the examples' jar and every runtime dependency here (see examples/pom.xml);
# the Dockerfile copies the same folder into its image.
APP_LIB=examples/target/app/lib
BUILD_MARK=examples/target/app/.built
CACHE_PREFIX=examples/target/app/flexfun-class-cache

needs_build() {
  [[ ! -f $BUILD_MARK ]] && return 0
  # Build outputs and virtualenvs are not sources: skipping them keeps this check to a few ms of the start-up.
  [[ -n $(find . \( -name .git -o -name target -o -name .venv \) -prune -o \( -name pom.xml -o -path '*/src/main/*' \) \
    -newer "$BUILD_MARK" -print -quit) ]]
}

if needs_build; then
  echo "run-server.sh: building (mvn package) ..." >&2
  rm -rf "$APP_LIB" "$CACHE_PREFIX"-*
  mvn -B -q package -DskipTests -Dmaven.javadoc.skip=true >&2  # javadoc jars are for publishing, not for running
  touch "$BUILD_MARK"
fi

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# The JDK's version from its release file (starting a JVM to ask would cost what the cache saves).
jdk_version() {
  local java_bin
  java_bin=$(readlink -f "$(command -v "$JAVA")" 2>/dev/null) || return 0
  sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$(dirname "$(dirname "$java_bin")")/release" 2>/dev/null || true
}

# Whether cache $1 exists and is newer than every jar beside it: one packaged since (mvn package
# without this script) makes the JVM skip the cache silently, so it is deleted and recorded anew.
usable_cache() {
  [[ -f $1 ]] || return 1
  if [[ -n $(find "$(dirname "$CACHE_PREFIX")" -name '*.jar' -newer "$1" -print -quit) ]]; then
    rm -f "$1"
    return 1
  fi
}

cache_flags=()
if [[ ${FLEXFUN_CLASS_CACHE:-1} != 0 ]]; then
  version=$(jdk_version)
  # -Xlog:cds=off (and config/jvm-aot.options): the JVM's own notes on the cache (classes it skips, a
  # cache it cannot use) are not JSON and would break the log; a cache that cannot be used is not used.
  if [[ ${version%%.*} =~ ^[0-9]+$ ]] && (( ${version%%.*} >= 25 )); then
    cache=$CACHE_PREFIX-$version.aot
    if usable_cache "$cache"; then
      cache_flags=(@config/jvm-aot.options "-XX:AOTCache=$cache")
    elif "$JAVA" @config/jvm-aot.options -version >/dev/null 2>&1; then
      echo "run-server.sh: recording the AOT cache $cache when this server stops; later runs start from it" >&2
      cache_flags=(@config/jvm-aot.options "-XX:AOTCacheOutput=$cache")
    else
      echo "run-server.sh: this JDK refuses a flag of config/jvm-aot.options; starting without a class cache" >&2
    fi
  elif [[ ${version%%.*} =~ ^[0-9]+$ ]]; then
    cache=$CACHE_PREFIX-$version.jsa
    if usable_cache "$cache"; then
      cache_flags=("-XX:SharedArchiveFile=$cache" -Xlog:cds=off)
    else
      echo "run-server.sh: recording the AppCDS archive $cache when this server stops; later runs start from it" >&2
      cache_flags=("-XX:ArchiveClassesAtExit=$cache" -Xlog:cds=off)
    fi
  fi
fi

shopt -s nullglob
config_files=(config/*.toml)

# exec: the JVM replaces this shell, so SIGTERM reaches the server (which then stops cleanly, exit 0).
# JVM flags Arrow needs come from config/jvm.options, the one place they are kept.
# shellcheck disable=SC2086
exec "$JAVA" @config/jvm.options "${cache_flags[@]}" ${JAVA_OPTS:-} -cp "$APP_LIB/*" \
  dev.flexfun.server.Main "${config_files[@]}" "$@"
