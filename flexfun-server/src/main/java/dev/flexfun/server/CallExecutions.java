package dev.flexfun.server;

import dev.flexfun.server.config.FlexFunSettings;
import dev.flexfun.server.config.Settings;
import dev.flexfun.server.execution.CallExecution;
import dev.flexfun.server.execution.DeferredExecution;
import dev.flexfun.server.execution.ExecutionLimits;
import dev.flexfun.server.execution.Failures;
import dev.flexfun.server.execution.FunctionInvoker;
import dev.flexfun.server.execution.TaskExecution;
import dev.flexfun.server.observability.ServerMetrics;
import dev.flexfun.server.observability.Tracing;
import dev.flexfun.server.protocol.CallTickets;
import dev.flexfun.server.protocol.CommandParser;
import java.time.Clock;
import org.apache.arrow.memory.BufferAllocator;

/** Builds the {@link CallExecution} of {@code flexfun.invocation_mode}. */
final class CallExecutions {
    private CallExecutions() {
    }

    static CallExecution of(Settings settings, FunctionCatalog catalog, CommandParser parser, Failures failures,
            BufferAllocator allocator, ServerMetrics metrics, Tracing tracing) {
        FlexFunSettings flexfun = settings.flexfun();
        FunctionInvoker invoker = new FunctionInvoker(flexfun.batchSize());
        TaskExecution tasks = new TaskExecution(ExecutionLimits.of(settings), invoker, failures, allocator, metrics,
                tracing);
        if (!flexfun.deferred()) {
            return tasks;
        }
        CallTickets tickets = new CallTickets(flexfun.ticketKeys(), flexfun.ticketTtl(), flexfun.maxCommandBytes(),
                Clock.systemUTC());
        return new DeferredExecution(tasks, tickets, invoker, failures, parser, catalog::find, flexfun.callDeadline());
    }
}
