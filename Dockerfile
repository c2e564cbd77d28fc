# FlexFun server image with this repository's example functions, on a slim JRE. An image of your own
# functions comes from the Dockerfile of a project generated from flexfun-archetype (see README.md).
#   docker build -t flexfun-server .
#   docker run -p 17001:17001 -p 8877:8877 -p 17101:17101 flexfun-server
# The build stage runs the same packaging command as README and CI (mvn -B package), so CI proves it.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests

# Java 25 at run time (the code is compiled for 17): its AOT cache, recorded below, starts the server
# about twice as fast as a plain start (see benchmarks/README.md).
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin flexfun
WORKDIR /app
# Only the application's runtime jars (no Maven, no test dependencies) and the configuration.
COPY --from=build /src/examples/target/app/lib /app/lib
COPY config /app/config
# The image redistributes the server's dependencies: our license and the notices they ask for.
COPY LICENSE NOTICE /app/

# Listen on all interfaces inside the container; any GOODDATA_FLIGHT_* variable overrides config/.
ENV GOODDATA_FLIGHT_SERVER__LISTEN_HOST=0.0.0.0 \
    GOODDATA_FLIGHT_SERVER__HEALTH_CHECK_HOST=0.0.0.0 \
    GOODDATA_FLIGHT_SERVER__METRICS_HOST=0.0.0.0
# Heap (512 MB) and direct memory for Arrow (1 GB) are set in config/jvm.options, so RSS stays bounded
# (about 1.8 GB at most): give the container at least that, or change them there.

# The AOT cache: a training run starts the server exactly as the ENTRYPOINT does, waits until /ready
# answers, lists the functions once over Flight RPC (with the CLI from the build stage, so the classes
# of a call are in the cache too), stops it (SIGTERM), and the JVM writes the classes it loaded and
# linked to /app/flexfun.aot. A cache the JVM cannot use at run time (other jars mounted, other flags)
# is skipped, not fatal. The flags that go with the cache are in config/jvm-aot.options (they keep the
# log JSON and start-up's CPU for start-up). (The bind mount needs BuildKit, Docker's default builder.)
RUN --mount=type=bind,from=build,source=/src/flexfun-cli/target,target=/tmp/flexfun-cli bash -c 'set -e; \
  java @/app/config/jvm.options @/app/config/jvm-aot.options -XX:AOTCacheOutput=/app/flexfun.aot \
    -cp "/app/lib/*" dev.flexfun.server.Main /app/config > /tmp/training.log 2>&1 & server=$!; \
  for _ in $(seq 600); do \
    if (exec 3<>/dev/tcp/127.0.0.1/8877 && printf "GET /ready HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 202 ") 2>/dev/null; \
    then break; fi; sleep 0.1; \
  done; \
  java @/app/config/jvm.options -jar /tmp/flexfun-cli/flexfun-cli-*-standalone.jar list \
    --url grpc://127.0.0.1:17001 > /dev/null || { cat /tmp/training.log; exit 1; }; \
  kill -TERM $server; wait $server || { cat /tmp/training.log; exit 1; }; \
  test -s /app/flexfun.aot || { cat /tmp/training.log; exit 1; }; rm /tmp/training.log'
USER flexfun

EXPOSE 17001 8877 17101
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8877 && printf "GET /ready HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 202 "'

# Arrow's JVM flags come from config/jvm.options, the one place they are kept; the server reads
# every config/*.toml in name order, as run-server.sh does.
ENTRYPOINT ["java", "@/app/config/jvm.options", "@/app/config/jvm-aot.options", "-XX:AOTCache=/app/flexfun.aot", \
  "-cp", "/app/lib/*", "dev.flexfun.server.Main", "/app/config"]
