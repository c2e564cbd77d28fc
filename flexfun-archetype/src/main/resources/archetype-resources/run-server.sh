#!/usr/bin/env bash
# Serves this project's functions with the FlexFun server and the settings in config/*.toml.
#   ./run-server.sh [--dev-log] [more-settings.toml ...]
# GOODDATA_FLIGHT_<SECTION>__<KEY> environment variables override the files, e.g.
#   GOODDATA_FLIGHT_SERVER__LISTEN_PORT=18000 ./run-server.sh
# Builds first (mvn package) when pom.xml or src/main changed since the last build. Extra JVM flags: JAVA_OPTS.
# Java: $JAVA_HOME/bin/java when JAVA_HOME is set, else the java on the PATH.
# Ctrl-C or SIGTERM: running calls finish, then the server exits with 0.
# Class cache (on; FLEXFUN_CLASS_CACHE=0 turns it off): the first run records the classes the server
# loads when it stops (SIGTERM, Ctrl-C); later runs start from them, about twice as fast. JDK 25 and
# later: an AOT cache (classes loaded and linked ahead of time); JDK 17-24: an AppCDS archive. One
# cache per JDK version in target/app; a rebuild deletes them, and one older than a jar (packaged
# since) is recorded anew; a cache the JVM cannot use for another reason is skipped and the server
# starts without it.
set -euo pipefail
cd "$(dirname "$0")"

APP=target/app   # this project's jar; its runtime dependencies in target/app/lib (see pom.xml)
CACHE_PREFIX=$APP/flexfun-class-cache

if [[ ! -f $APP/.built || -n $(find pom.xml src/main -newer "$APP/.built" -print -quit) ]]; then
  echo "run-server.sh: building (mvn package) ..." >&2
  rm -rf "$APP"   # the class caches too: they hold the old jars' classes
  mvn -B -q package -DskipTests >&2
  touch "$APP/.built"
fi

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# The class cache: the same block as in FlexFun's own run-server.sh (FlexFun's build keeps them equal).

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

# exec: the JVM replaces this shell, so SIGTERM reaches the server. JVM flags: config/jvm.options.
# shellcheck disable=SC2086
exec "$JAVA" @config/jvm.options "${cache_flags[@]}" ${JAVA_OPTS:-} -cp "$APP/*:$APP/lib/*" \
  dev.flexfun.server.Main "${config_files[@]}" "$@"
