package dev.flexfun.cli;

/**
 * The exit codes of the {@code flexfun} command, so scripts can tell a typo from a server that is
 * down from a function that failed. Listed in the README and in {@code flexfun --help}.
 */
public final class ExitCode {
    /** Done. */
    public static final int OK = 0;
    /** The server answered with an error: a FlexFun ErrorInfo (code, message, detail), or a GoodData API error. */
    public static final int SERVER_ERROR = 1;
    /** The command line is wrong: unknown option, missing value, unreadable file, unset variable. */
    public static final int USAGE = 2;
    /** No connection: nothing listens there, a name does not resolve, TLS does not handshake (also: a client certificate the server does not accept). */
    public static final int CONNECTION = 3;
    /** The server refused the credentials (a missing, malformed or unknown token). */
    public static final int AUTHENTICATION = 4;
    /** {@code --timeout} passed before the command finished (the call was cancelled on the server). */
    public static final int TIMEOUT = 5;
    /** The output could not be written (a closed pipe, a full disk). */
    public static final int OUTPUT = 6;
    /** A bug in the command: the message and stack trace say where; please report them. */
    public static final int INTERNAL = 70;
    /** Interrupted with Ctrl-C (the call was cancelled on the server): 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    /** The table for {@code --help}. */
    static final java.util.List<String> HELP = java.util.List.of(
            "Exit codes:",
            "  0    done",
            "  1    the server answered with an error (ErrorInfo, GoodData API error)",
            "  2    usage error (bad option or value, unreadable file, unset variable)",
            "  3    cannot connect (refused, unknown host, TLS handshake, client certificate)",
            "  4    the server refused the token (missing, malformed, unknown)",
            "  5    --timeout passed (the call was cancelled on the server)",
            "  6    the output could not be written (closed pipe, full disk)",
            "  70   a bug in flexfun (the stack trace says where)",
            "  130  interrupted with Ctrl-C (the call was cancelled on the server)");

    private ExitCode() {
    }
}
