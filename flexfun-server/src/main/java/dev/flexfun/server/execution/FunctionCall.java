package dev.flexfun.server.execution;

import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.server.protocol.Command;
import java.util.List;
import java.util.Map;

/**
 * One requested call, checked and ready to run: the function, the command that asked for it and
 * the caller's headers (lower-case names, without credentials).
 */
public record FunctionCall(FlexFunction function, Command.Invoke command, Map<String, List<String>> headers) {
}
