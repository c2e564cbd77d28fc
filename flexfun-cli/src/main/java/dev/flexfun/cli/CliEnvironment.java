package dev.flexfun.cli;

import dev.flexfun.cli.flight.CallEvents;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What the command sees of the world outside its arguments: environment variables, standard
 * streams, whether stderr is a terminal, Ctrl-C, and who hears of a call's progress. Tests pass
 * their own (captured streams, an env map, a Ctrl-C they trigger) instead of touching the process's.
 *
 * @param variables        environment variables (tokens come from here, never from a file the command writes)
 * @param in               standard input ({@code --params-json -})
 * @param out              standard output: data only (tables, CSV, JSON, Arrow IPC)
 * @param err              standard error: errors, notes and progress
 * @param stderrIsTerminal whether progress lines may be drawn on stderr
 * @param interrupts       where Ctrl-C is heard
 * @param events           also told of every call's polls and batches (tests observe with it)
 */
public record CliEnvironment(Map<String, String> variables, InputStream in, OutputStream out, PrintStream err,
        boolean stderrIsTerminal, Interrupts interrupts, CallEvents events) {
    /** Set by the ./flexfun script ({@code [ -t 2 ]}); Java itself cannot tell whether stderr is a terminal. */
    static final String STDERR_TTY_PROPERTY = "flexfun.stderr.tty";

    /**
     * Copies the variables.
     *
     * @param variables        environment variables; copied
     * @param in               standard input
     * @param out              standard output: data only
     * @param err              standard error: errors, notes and progress
     * @param stderrIsTerminal whether progress lines may be drawn on stderr
     * @param interrupts       where Ctrl-C is heard
     * @param events           also told of every call's polls and batches
     */
    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** {@return this process's environment, streams and Ctrl-C (a shutdown hook)} */
    public static CliEnvironment system() {
        String tty = System.getProperty(STDERR_TTY_PROPERTY);
        // Without the script's word, a console (stdin and stdout on a terminal) is the best guess.
        boolean terminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
        return new CliEnvironment(System.getenv(), System.in, new FileOutputStream(FileDescriptor.out),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8), terminal,
                Interrupts.shutdownHook(), CallEvents.NONE);
    }

    /**
     * {@return an environment variable, if set and not blank}
     *
     * @param name the variable's name
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }
}
