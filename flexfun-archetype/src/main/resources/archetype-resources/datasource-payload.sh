#!/usr/bin/env bash
# Prints the JSON that registers this server as a GoodData data source (POST /api/v1/entities/dataSources),
# from the server's own settings: config/*.toml, then the files given, then GOODDATA_FLIGHT_* variables.
#   ./datasource-payload.sh [--token TOKEN | --token-file FILE] [--ca ca.pem] [--url URL ...] [settings.toml ...]
#   ./datasource-payload.sh --help
set -euo pipefail
cd "$(dirname "$0")"

APP=target/app
[[ -d $APP/lib ]] || mvn -B -q package -DskipTests >&2

shopt -s nullglob
config_files=(config/*.toml)
exec java @config/jvm.options -cp "$APP/*:$APP/lib/*" \
  dev.flexfun.server.tools.DataSourcePayloadCommand "${config_files[@]}" "$@"
