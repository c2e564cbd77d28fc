#!/usr/bin/env bash
# Reproducible builds: the same commit must give the same jars, byte for byte, whoever builds it.
# Builds the project twice from clean copies of this tree (tests skipped), the second copy in
# another directory, time zone, locale and umask (002, common on desktops, against CI's 022; an
# owner-only umask such as 077 does change the file modes recorded in jars, so release builds
# use 022), then compares every jar the builds produced:
# the published modules' jars, -sources.jar and -javadoc.jar, and the examples' jar (code the
# annotation processor generated). First asks the artifact plugin whether any plugin of the build
# plan is known to be non-reproducible.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q artifact:check-buildplan

work=$(mktemp -d /tmp/flexfun-reproducible.XXXXXX)
trap 'rm -rf "$work"' EXIT

# A copy of the tree as git sees it (tracked and untracked files, nothing ignored, no target/).
copy_tree() {
  mkdir -p "$1"
  git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -xf - -C "$1"
}

copy_tree "$work/first"
copy_tree "$work/second/elsewhere"
(cd "$work/first" && mvn -B -q package -DskipTests)
(cd "$work/second/elsewhere" && umask 0002 && TZ=Pacific/Chatham LC_ALL=C.UTF-8 mvn -B -q package -DskipTests)

# Every jar under a target/ folder except the dependencies copied into examples/target/app/lib.
jars_of() {
  (cd "$1" && find . -path '*/target/*' -name '*.jar' \
      \( -path './examples/target/app/lib/examples-*' -o -not -path '*/app/lib/*' \) | sort)
}

first_jars=$(jars_of "$work/first")
second_jars=$(jars_of "$work/second/elsewhere")
if [[ "$first_jars" != "$second_jars" ]]; then
  echo "FAILED: the two builds produced different sets of jars:"
  diff <(echo "$first_jars") <(echo "$second_jars") || true
  exit 1
fi
if [[ -z "$first_jars" ]]; then
  echo "FAILED: the build produced no jars"
  exit 1
fi

same=0
different=0
while read -r jar; do
  if cmp -s "$work/first/$jar" "$work/second/elsewhere/$jar"; then
    same=$((same + 1))
  else
    different=$((different + 1))
    echo "DIFFERENT: $jar (entries whose size, CRC or time differ:)"
    diff <(unzip -lv "$work/first/$jar" | awk 'NR > 3 {print $1, $5, $6, $7, $8}') \
         <(unzip -lv "$work/second/elsewhere/$jar" | awk 'NR > 3 {print $1, $5, $6, $7, $8}') || true
  fi
done <<< "$first_jars"

if [[ $different -ne 0 ]]; then
  echo "FAILED: $different of $((same + different)) jars differ between two builds of the same tree"
  exit 1
fi
echo "ok: $same jars identical byte for byte across two clean builds"
