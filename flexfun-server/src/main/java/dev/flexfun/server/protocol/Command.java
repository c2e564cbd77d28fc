package dev.flexfun.server.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a GetFlightInfo descriptor asks for. */
public sealed interface Command {

    /**
     * Run a function.
     *
     * @param functionName    the function to run
     * @param parameters      the call's {@code parameters} object ({@code {}} when absent or null)
     * @param descriptorBytes the descriptor's bytes, echoed in the reply
     */
    record Invoke(String functionName, ObjectNode parameters, byte[] descriptorBytes) implements Command {
    }

    /** Wait again for a submitted task (polling extension, {@code r:<task id>}). */
    record Retry(String taskId) implements Command {
    }

    /** Cancel a submitted task (polling extension, {@code c:<task id>}). */
    record Cancel(String taskId) implements Command {
    }
}
