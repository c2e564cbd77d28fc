# FlexFun server image with this repository's example functions, on a slim JRE. An image of your own
# functions comes from the Dockerfile of a project generated from flexfun-archetype (see README.md).
#   docker build -t flexfun-server .
#   docker run -p 17001:17001 -p 8877:8877 -p 17101:17101 flexfun-server
# The build stage runs the same packaging command as README and CI (mvn -B package), so CI proves it.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin flexfun
WORKDIR /app
# Only the application's runtime jars (no Maven, no test dependencies) and the configuration.
COPY --from=build /src/examples/target/app/lib /app/lib
COPY config /app/config
# The image redistributes the server's dependencies: our license and the notices they ask for.
COPY LICENSE NOTICE /app/
USER flexfun

# Listen on all interfaces inside the container; any GOODDATA_FLIGHT_* variable overrides config/.
ENV GOODDATA_FLIGHT_SERVER__LISTEN_HOST=0.0.0.0 \
    GOODDATA_FLIGHT_SERVER__HEALTH_CHECK_HOST=0.0.0.0 \
    GOODDATA_FLIGHT_SERVER__METRICS_HOST=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError"
# Heap at 40% of the container's memory: Arrow's buffers are direct memory, which by default may
# grow as large as the heap, so heap + buffers stay within the container's limit.

EXPOSE 17001 8877 17101
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8877 && printf "GET /ready HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 202 "'

# Arrow's JVM flags come from config/jvm.options, the one place they are kept; the server reads
# every config/*.toml in name order, as run-server.sh does.
ENTRYPOINT ["java", "@/app/config/jvm.options", "-cp", "/app/lib/*", "dev.flexfun.server.Main", "/app/config"]
