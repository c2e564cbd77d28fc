package dev.flexfun.server;

import dev.flexfun.server.security.FunctionHeaders;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.RequestContext;

/**
 * Captures a call's headers (Flight hands them only to middleware) for the producer and functions,
 * already without credentials ({@link FunctionHeaders}).
 */
final class CallHeaders implements FlightServerMiddleware {
    static final Key<CallHeaders> KEY = Key.of("flexfun-call-headers");
    static final String POLLABLE_HEADER = "x-quiver-pollable";

    private final Map<String, List<String>> headers;

    private CallHeaders(Map<String, List<String>> headers) {
        this.headers = headers;
    }

    boolean has(String name) {
        return headers.containsKey(name);
    }

    /** The headers a function may see: text headers only, credentials removed. */
    Map<String, List<String>> forFunctions() {
        return headers;
    }

    @Override
    public void onBeforeSendingHeaders(org.apache.arrow.flight.CallHeaders outgoingHeaders) {
    }

    @Override
    public void onCallCompleted(CallStatus status) {
    }

    @Override
    public void onCallErrored(Throwable err) {
    }

    /** @param authHeaderName the header the token comes in, or {@code null} when authentication is off */
    static Factory<CallHeaders> factory(String authHeaderName) {
        return (CallInfo info, org.apache.arrow.flight.CallHeaders incoming, RequestContext context) ->
                new CallHeaders(FunctionHeaders.of(incoming, authHeaderName));
    }
}
