#!/usr/bin/env bash
# What a new user does with the archetype, against the artifacts this repository builds: install
# them, generate a project with the README's command, run its `mvn -B verify`, then its
# ./run-server.sh (on a free port, via the GOODDATA_FLIGHT_* override) serving the example
# function and exiting 0 on SIGTERM, starting from the class cache its first run recorded (on this
# JDK and on Java 25), and its ./flexfun (calling it, printing the data source).
# MAVEN_REPO_LOCAL=/path: use that local repository instead of Maven's default (~/.m2/repository).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

if [[ -n ${MAVEN_REPO_LOCAL:-} ]]; then
  # Through MAVEN_OPTS, so the generated project's own scripts (which call mvn) use it too.
  export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$MAVEN_REPO_LOCAL"
fi
version=$(python3 -c 'import sys, xml.etree.ElementTree as t
print(t.parse(sys.argv[1]).find("{http://maven.apache.org/POM/4.0.0}version").text)' flexfun-bom/pom.xml)

echo "archetype-check: installing FlexFun $version ..."
mvn -B -q install -DskipTests

work=$(mktemp -d /tmp/flexfun-archetype-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
mvn -B archetype:generate -DarchetypeGroupId=dev.flexfun -DarchetypeArtifactId=flexfun-archetype \
  -DarchetypeVersion="$version" -DgroupId=com.acme -DartifactId=acme-functions \
  -Dpackage=com.acme.functions -Dversion=0.1.0-SNAPSHOT -DinteractiveMode=false
project="$work/acme-functions"

for file in pom.xml README.md Dockerfile .dockerignore .gitignore config/server.toml config/jvm.options \
    src/main/java/com/acme/functions/SalesFunctions.java src/test/java/com/acme/functions/SalesEndToEndTest.java; do
  [[ -f $project/$file ]] || { echo "FAILED: the generated project has no $file"; exit 1; }
done
for script in run-server.sh flexfun; do
  [[ -x $project/$script ]] || { echo "FAILED: the generated $script is not executable"; exit 1; }
done

(cd "$project" && mvn -B verify)

# run-server.sh three times: it records its class cache (an AppCDS archive on this JDK), starts from
# it, and skips a damaged one; then the same on Java 25, whose cache is an AOT cache.
bash "$repo/.ci/smoke-run-server.sh" "$project" Sales
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
if [[ -x $JDK25/bin/java ]]; then
  JAVA_HOME=$JDK25 bash "$repo/.ci/smoke-run-server.sh" "$project" Sales
else
  echo "SKIPPED: the generated run-server.sh's AOT cache on Java 25: no JDK at $JDK25"
fi
# A rebuild (here: a changed source) deletes the class caches, which hold the old jars' classes.
# The server then stops at once on a settings file that does not exist.
stale="$project/target/app/flexfun-class-cache-0.jsa"
touch "$stale" "$project/src/main/java/com/acme/functions/SalesFunctions.java"
(cd "$project" && FLEXFUN_CLASS_CACHE=0 ./run-server.sh no-such-settings.toml >/dev/null 2>&1) || true
[[ -f $project/target/app/.built && ! -e $stale ]] \
  || { echo "FAILED: run-server.sh's rebuild should delete the class caches in target/app"; exit 1; }

(cd "$project" && ./flexfun gooddata payload --token check-token) | python3 -c 'import json, sys
a = json.load(sys.stdin)["data"]["attributes"]
assert a["url"].startswith("grpc://") and a["token"] == "check-token", a
print("flexfun gooddata payload: " + a["url"])'
echo "ok: a project generated from flexfun-archetype $version builds, passes its tests and serves its function"
