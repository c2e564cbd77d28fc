/**
 * Health endpoints ({@link dev.flexfun.server.observability.ServerHealth},
 * {@link dev.flexfun.server.observability.HealthHttpServer}), Prometheus metrics
 * ({@link dev.flexfun.server.observability.ServerMetrics}) and structured logs (logback.xml with
 * {@link dev.flexfun.server.observability.ConsoleLayout}, {@link dev.flexfun.server.observability.CallLog}),
 * OpenTelemetry traces ({@link dev.flexfun.server.observability.Tracing}).
 */
package dev.flexfun.server.observability;
