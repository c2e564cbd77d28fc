package dev.flexfun.cli;

import java.util.List;

/**
 * Ends a command with an exit code and the lines to print on stderr. Thrown by the commands; the
 * command line prints it without a stack trace.
 */
public final class CliFailure extends RuntimeException {
    /** The process's exit code. */
    private final int exitCode;
    /** The lines printed on stderr. */
    private final List<String> lines;

    /**
     * A failure with several lines to print.
     *
     * @param exitCode the process's exit code ({@link ExitCode})
     * @param lines the lines printed on stderr; copied
     */
    public CliFailure(int exitCode, List<String> lines) {
        super(String.join("\n", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    /**
     * A failure with one line to print.
     *
     * @param exitCode the process's exit code ({@link ExitCode})
     * @param line the line printed on stderr
     */
    public CliFailure(int exitCode, String line) {
        this(exitCode, List.of(line));
    }

    /** {@return the process's exit code} */
    public int exitCode() {
        return exitCode;
    }

    /** {@return the lines printed on stderr} */
    public List<String> lines() {
        return lines;
    }
}
