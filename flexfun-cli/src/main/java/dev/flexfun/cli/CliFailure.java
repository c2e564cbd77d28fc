package dev.flexfun.cli;

import java.util.List;

/**
 * Ends a command with an exit code and the lines to print on stderr. Thrown by the commands; the
 * command line prints it without a stack trace.
 */
public final class CliFailure extends RuntimeException {
    private final int exitCode;
    private final List<String> lines;

    public CliFailure(int exitCode, List<String> lines) {
        super(String.join("\n", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    public CliFailure(int exitCode, String line) {
        this(exitCode, List.of(line));
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> lines() {
        return lines;
    }
}
