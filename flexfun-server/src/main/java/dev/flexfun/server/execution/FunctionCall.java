package dev.flexfun.server.execution;

import dev.flexfun.runtime.Caller;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.server.protocol.Command;
import java.util.List;
import java.util.Map;

/**
 * One requested call, checked and ready to run: the function, the command that asked for it and
 * the caller's headers (lower-case names, without credentials): text, and binary ({@code -bin}).
 *
 * @param caller who called, when authentication is on; else {@code null}
 * @param peer   the client's address for logs, or {@code null}
 */
public record FunctionCall(FlexFunction function, Command.Invoke command, Map<String, List<String>> headers,
        Map<String, List<byte[]>> binaryHeaders, Caller caller, String peer) {

    /** A call without binary headers. */
    public FunctionCall(FlexFunction function, Command.Invoke command, Map<String, List<String>> headers,
            Caller caller, String peer) {
        this(function, command, headers, Map.of(), caller, peer);
    }
}
