package dev.flexfun.server.execution;

import dev.flexfun.runtime.Caller;
import java.util.List;
import java.util.Map;

/**
 * Who sent a Flight call and how: what a call that runs at DoGet (deferred mode) gets instead of
 * what its GetFlightInfo had.
 *
 * @param headers the call's headers (lower-case names, without credentials)
 * @param caller  the verified caller when authentication is on, else {@code null}
 * @param peer    the client's address for logs, or {@code null}
 */
public record CallOrigin(Map<String, List<String>> headers, Caller caller, String peer) {
}
