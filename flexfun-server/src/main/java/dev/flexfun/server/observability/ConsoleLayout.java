package dev.flexfun.server.observability;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.LayoutBase;

/**
 * The console log layout: {@link JsonLineLayout} ({@code format=json}, the default) or a
 * human-readable {@link PatternLayout} ({@code format=dev}).
 *
 * <p>One appender with a switchable layout, rather than two appenders of which one is picked:
 * logback warns about an unreferenced appender and then prints its whole status on startup,
 * which would break the one-JSON-object-per-line output.
 */
public class ConsoleLayout extends LayoutBase<ILoggingEvent> {
    /** The dev format: time, level, logger, message, then key-value pairs and MDC. */
    public static final String DEFAULT_DEV_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} %msg %kvp{NONE} %mdc%n";

    private String format = "json";
    private String eventKey = JsonLineLayout.DEFAULT_EVENT_KEY;
    private String devPattern = DEFAULT_DEV_PATTERN;
    private Layout<ILoggingEvent> delegate;

    /** {@code json} or {@code dev}; anything else is json. */
    public void setFormat(String format) {
        this.format = format;
    }

    public void setEventKey(String eventKey) {
        this.eventKey = eventKey;
        if (delegate instanceof JsonLineLayout json) {
            json.setEventKey(eventKey);
        }
    }

    public void setDevPattern(String devPattern) {
        this.devPattern = devPattern;
    }

    /** Whether lines are JSON. */
    public boolean isJson() {
        return !(delegate instanceof PatternLayout);
    }

    @Override
    public void start() {
        if ("dev".equalsIgnoreCase(format == null ? "" : format.strip())) {
            PatternLayout pattern = new PatternLayout();
            pattern.setPattern(devPattern);
            delegate = pattern;
        } else {
            JsonLineLayout json = new JsonLineLayout();
            json.setEventKey(eventKey);
            delegate = json;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return delegate.doLayout(event);
    }
}
