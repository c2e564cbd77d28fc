package dev.flexfun.server.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Log format switches. The format itself is chosen in logback.xml by the System property
 * {@code flexfun.log.format} ({@code json}, the default, or {@code dev}), which must be set before
 * the first logger is created (the server's {@code --dev-log} switch does that).
 */
public final class StructuredLogging {
    /** The System property choosing the format: {@code json} (default) or {@code dev}. */
    public static final String FORMAT_PROPERTY = "flexfun.log.format";
    /** The System property logback.xml reads the initial event key from. */
    public static final String EVENT_KEY_PROPERTY = "flexfun.log.event_key";

    private StructuredLogging() {
    }

    /**
     * Sends java.util.logging records (gRPC and Netty log there, e.g. a request gRPC could not parse)
     * into SLF4J, so they become JSON lines like ours instead of multi-line text on standard error.
     * Idempotent.
     */
    public static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * Applies {@code log_event_key_name} to the JSON log lines from now on (settings are read after
     * logging starts). Returns how many JSON appenders were changed (0 in dev mode).
     */
    public static int setEventKey(String eventKey) {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context ? setEventKey(context, eventKey) : 0;
    }

    /** {@link #setEventKey(String)} on a given logging context. */
    static int setEventKey(LoggerContext context, String eventKey) {
        int changed = 0;
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<?> appender
                        && appender.getEncoder() instanceof LayoutWrappingEncoder<?> encoder
                        && encoder.getLayout() instanceof ConsoleLayout layout && layout.isJson()) {
                    layout.setEventKey(eventKey);
                    changed++;
                }
            }
        }
        return changed;
    }
}
