package dev.flexfun.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.cli.CliEnvironment;
import dev.flexfun.cli.CliFailure;
import dev.flexfun.cli.ExitCode;
import dev.flexfun.cli.Interrupts;
import dev.flexfun.cli.flight.CallEvents;
import dev.flexfun.cli.flight.ConnectionOptions;
import dev.flexfun.cli.flight.FlightConnection;
import dev.flexfun.cli.flight.FlightFailures;
import dev.flexfun.cli.flight.RemoteCall;
import dev.flexfun.cli.output.OutputFormat;
import dev.flexfun.cli.output.Progress;
import dev.flexfun.server.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flexfun call NAME}: runs a function (following the polling extension while it runs), reads
 * its result and writes it to stdout in the chosen format. Ctrl-C and {@code --timeout} cancel the
 * call on the server; {@code --limit} cancels the rest of the stream.
 */
@Command(name = "call", description = "Call a function and print its result.")
public final class CallCommand implements Callable<Integer> {
    /** How long Ctrl-C lets the command finish its output and message after telling the server. */
    private static final long INTERRUPT_GRACE_MS = 3_000;

    private final CliEnvironment env;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "NAME", description = "the function")
    private String function;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "a parameter (repeatable); true/false, "
            + "null and numbers are typed, [..] {..} \"..\" are JSON, anything else is a string")
    private List<String> params = new ArrayList<>();

    @Option(names = "--params-json", paramLabel = "FILE|-", description = "the parameters as a JSON object "
            + "(- reads stdin); --param values win")
    private String paramsJson;

    @Option(names = "--context", paramLabel = "FILE", description = "an execution context JSON (e.g. saved from "
            + "a GoodData log), sent as parameters.executionContext")
    private Path context;

    @Option(names = "--columns", split = ",", paramLabel = "A,B", description = "only these columns "
            + "(sent as the columns hint; the output keeps only them)")
    private List<String> columns;

    @Option(names = "--limit", paramLabel = "N", description = "stop after N rows and cancel the rest on the server")
    private Long limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or arrow (an Arrow IPC stream); default: ${DEFAULT-VALUE}")
    private OutputFormat format;

    @Option(names = "--progress", negatable = true, description = "show rows, MB and rows/s on stderr "
            + "(default: when stderr is a terminal)")
    private Boolean progress;

    /**
     * A {@code call} command that works in {@code env}.
     *
     * @param env the environment variables, streams and interrupts the command uses
     */
    public CallCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1.");
        }
        byte[] command = command();
        CallEvents events = Optional.ofNullable(progress).orElse(env.stderrIsTerminal())
                ? CallEvents.both(new Progress(env.err()), env.events()) : env.events();
        try (FlightConnection server = connection.connect(env)) {
            RemoteCall call = new RemoteCall(server, events);
            CountDownLatch ended = new CountDownLatch(1);
            CountDownLatch said = new CountDownLatch(1);
            try (Interrupts.Registration onCtrlC = env.interrupts().onInterrupt(() -> interrupt(call, ended, said, env))) {
                FlightInfo info = call.submit(command);
                call.read(info, new ResultReader(format.writer(env.out()), Optional.ofNullable(columns),
                        limit == null ? Long.MAX_VALUE : limit, events, env.err()));
            } catch (FlightRuntimeException e) {
                throw cancelOnTimeout(call, FlightFailures.of(e, server.url()));
            } catch (CliFailure e) {
                throw cancelOnTimeout(call, e);
            } catch (IOException e) {
                call.cancel();
                throw new CliFailure(ExitCode.OUTPUT, "flexfun: cannot write the output: " + e.getMessage());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                if (call.isCancelled()) {
                    // The call ends as soon as it sees the cancel; what Ctrl-C has to say comes first.
                    awaitQuietly(said);
                }
                ended.countDown();
            }
        }
        return ExitCode.OK;
    }

    /**
     * On Ctrl-C: tell the server and say so here (the JVM exits once this returns, maybe before the
     * command's own thread prints anything), then give that thread a moment to close its output.
     */
    private static void interrupt(RemoteCall call, CountDownLatch ended, CountDownLatch said, CliEnvironment env) {
        boolean told = call.cancel();
        env.err().println(told ? "flexfun: cancelled; the server was told to stop the call."
                : "flexfun: cancelled.");
        said.countDown();
        awaitQuietly(ended);
    }

    /** Waits at most {@code INTERRUPT_GRACE_MS} for {@code latch}. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(INTERRUPT_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CliFailure cancelOnTimeout(RemoteCall call, CliFailure failure) {
        if (failure.exitCode() == ExitCode.TIMEOUT && !call.isCancelled()) {
            call.cancel();
        }
        return failure;
    }

    private byte[] command() {
        CallParameters parameters = new CallParameters();
        try {
            if (paramsJson != null) {
                try (InputStream in = paramsJson.equals("-") ? env.in() : Files.newInputStream(Path.of(paramsJson))) {
                    parameters.base(in, paramsJson.equals("-") ? "standard input" : paramsJson);
                }
            }
            if (context != null) {
                try (InputStream in = Files.newInputStream(context)) {
                    parameters.context(in, context.toString());
                }
            }
            params.forEach(parameters::param);
            parameters.columns(Optional.ofNullable(columns));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ObjectNode call = Json.MAPPER.createObjectNode().put("functionName", function);
        call.set("parameters", parameters.build());
        try {
            return Json.MAPPER.writeValueAsBytes(call);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
