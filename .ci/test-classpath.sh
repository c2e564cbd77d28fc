# Sourced by .ci checks that start the server's Main with flexfun-server's test registry: compiles it and
# sets $classpath (test classes first) and $jvm_flags (config/jvm.options, the one place JVM flags are kept).
mvn -B -q -pl flexfun-server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
classpath="flexfun-server/target/test-classes:flexfun-server/target/classes:$(cat flexfun-server/target/test-classpath.txt)"
mapfile -t jvm_flags < <(grep -Ev '^[[:space:]]*(#|$)' config/jvm.options)
