package dev.flexfun.server.observability;

import dev.flexfun.server.config.ConfigException;
import dev.flexfun.server.config.ServerSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpenTelemetry tracing as {@code server.otel_exporter_type} asks: {@code none} (the default) makes
 * no SDK, so spans are the API's no-ops; {@code console} logs every span as one line through SLF4J
 * ({@link Slf4jSpanExporter}); {@code otlp-grpc} and {@code otlp-http} send spans over OTLP. The
 * SDK's autoconfigure reads the standard {@code OTEL_*} variables (endpoint, headers, timeout,
 * propagators, sampler, resource); the service name defaults to {@value #DEFAULT_SERVICE_NAME}.
 */
public final class Tracing implements AutoCloseable {
    public static final String NONE = "none";
    public static final String CONSOLE = "console";
    public static final String OTLP_GRPC = "otlp-grpc";
    public static final String OTLP_HTTP = "otlp-http";
    /** The values the settings accept (one list, kept by the settings). */
    public static final List<String> EXPORTER_TYPES = ServerSettings.OTEL_EXPORTER_TYPES;
    public static final String DEFAULT_SERVICE_NAME = "flexfun-server";

    static final String INSTRUMENTATION_NAME = "dev.flexfun.server";

    private final OpenTelemetry openTelemetry;
    private final OpenTelemetrySdk sdk;
    private final Tracer tracer;

    private Tracing(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk) {
        this.openTelemetry = openTelemetry;
        this.sdk = sdk;
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
    }

    /** No tracing: the API's no-ops, nothing is recorded or sent. */
    public static Tracing none() {
        return new Tracing(OpenTelemetry.noop(), null);
    }

    /**
     * Tracing for a {@code server.otel_exporter_type} value.
     *
     * @throws ConfigException for a value not in {@link #EXPORTER_TYPES}
     */
    public static Tracing forExporterType(String exporterType) {
        return switch (exporterType) {
            case NONE -> none();
            case CONSOLE -> autoConfigured(null, new Slf4jSpanExporter());
            case OTLP_GRPC -> autoConfigured("grpc", null);
            case OTLP_HTTP -> autoConfigured("http/protobuf", null);
            default -> throw new ConfigException("Invalid setting server.otel_exporter_type = \"" + exporterType
                    + "\": must be one of " + String.join(", ", EXPORTER_TYPES) + ".");
        };
    }

    /**
     * Every span goes to {@code exporter} as soon as it ends, W3C trace context is read from calls.
     * For tests (an in-memory exporter) and for embedding servers that bring their own exporter.
     */
    public static Tracing withExporter(SpanExporter exporter) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), DEFAULT_SERVICE_NAME))))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        return new Tracing(sdk, sdk);
    }

    /**
     * @param otlpProtocol the OTLP protocol, or {@code null} for no OTLP exporter
     * @param local        an exporter fed span by span, or {@code null}
     */
    private static Tracing autoConfigured(String otlpProtocol, SpanExporter local) {
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                // Defaults the OTEL_* variables may override.
                .addPropertiesSupplier(() -> Map.of("otel.service.name", DEFAULT_SERVICE_NAME))
                // What otel_exporter_type decides wins over OTEL_TRACES_EXPORTER and friends;
                // metrics go to Prometheus and logs to SLF4J, so OTel exports neither.
                .addPropertiesCustomizer(config -> Map.of(
                        "otel.traces.exporter", otlpProtocol == null ? "none" : "otlp",
                        "otel.exporter.otlp.traces.protocol", otlpProtocol == null ? "grpc" : otlpProtocol,
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
                .addTracerProviderCustomizer((builder, config) -> local == null ? builder
                        : builder.addSpanProcessor(SimpleSpanProcessor.create(local)))
                .disableShutdownHook() // FlexFunServer.close() flushes and shuts down
                .build()
                .getOpenTelemetrySdk();
        return new Tracing(sdk, sdk);
    }

    /** Whether spans are recorded (an exporter is configured). */
    public boolean enabled() {
        return sdk != null;
    }

    /**
     * Starts the server span of one RPC, continuing the caller's trace when its headers carry one
     * (W3C {@code traceparent}).
     */
    public <C> CallSpan startCall(String rpc, C headers, TextMapGetter<C> getter) {
        if (sdk == null) {
            return CallSpan.NOOP;
        }
        Context parent = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, getter);
        Span span = tracer.spanBuilder(rpc).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(CallSpan.RPC_SYSTEM, "grpc")
                .setAttribute(CallSpan.RPC_SERVICE, "arrow.flight.protocol.FlightService")
                .setAttribute(CallSpan.RPC_METHOD, rpc)
                .startSpan();
        return new CallSpan(span, parent.with(span));
    }

    /** Starts the span of a function's run, a child of the current context (the call's span). */
    public Span startFunction(String function, String taskId) {
        return tracer.spanBuilder("function " + function)
                .setAttribute(CallSpan.FUNCTION, function)
                .setAttribute(CallSpan.TASK_ID, taskId)
                .startSpan();
    }

    /** Sends the spans not sent yet and stops the SDK (waits at most 10 s). */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.shutdown().join(10, TimeUnit.SECONDS);
        }
    }
}
