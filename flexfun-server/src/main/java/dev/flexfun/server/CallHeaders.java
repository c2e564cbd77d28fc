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
    private final Map<String, List<byte[]>> binaryHeaders;

    private CallHeaders(Map<String, List<String>> headers, Map<String, List<byte[]>> binaryHeaders) {
        this.headers = headers;
        this.binaryHeaders = binaryHeaders;
    }

    boolean has(String name) {
        return headers.containsKey(name);
    }

    /** The text headers a function may see, credentials removed. */
    Map<String, List<String>> forFunctions() {
        return headers;
    }

    /** The binary ({@code -bin}) headers a function may see. */
    Map<String, List<byte[]>> binaryForFunctions() {
        return binaryHeaders;
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
                new CallHeaders(FunctionHeaders.of(incoming, authHeaderName),
                        FunctionHeaders.binaryOf(incoming, authHeaderName));
    }
}
