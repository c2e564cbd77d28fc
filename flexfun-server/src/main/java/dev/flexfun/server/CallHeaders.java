package dev.flexfun.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.RequestContext;

/** Captures a call's headers (Flight hands them only to middleware) for the producer and functions. */
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

    /** @param hidden header names (lower case) never passed on, e.g. the authentication header */
    static Factory<CallHeaders> factory(Set<String> hidden) {
        return (CallInfo info, org.apache.arrow.flight.CallHeaders incoming, RequestContext context) -> {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            for (String key : incoming.keys()) {
                String name = key.toLowerCase(Locale.ROOT);
                if (hidden.contains(name) || name.endsWith("-bin")) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                incoming.getAll(key).forEach(values::add);
                copy.put(name, List.copyOf(values));
            }
            return new CallHeaders(Map.copyOf(copy));
        };
    }
}
