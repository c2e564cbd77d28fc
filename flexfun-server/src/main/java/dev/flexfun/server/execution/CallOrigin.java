package dev.flexfun.server.execution;

import dev.flexfun.runtime.Caller;
import java.util.List;
import java.util.Map;

/**
 * Who sent a Flight call and how: what a call that runs at DoGet (deferred mode) gets instead of
 * what its GetFlightInfo had.
 *
 * @param headers       the call's text headers (lower-case names, without credentials)
 * @param binaryHeaders the call's binary ({@code -bin}) headers
 * @param caller        the verified caller when authentication is on, else {@code null}
 * @param peer          the client's address for logs, or {@code null}
 */
public record CallOrigin(Map<String, List<String>> headers, Map<String, List<byte[]>> binaryHeaders, Caller caller,
        String peer) {

    /** An origin without binary headers. */
    public CallOrigin(Map<String, List<String>> headers, Caller caller, String peer) {
        this(headers, Map.of(), caller, peer);
    }
}
