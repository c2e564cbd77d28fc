package dev.flexfun.cli;

import dev.flexfun.cli.flight.CallEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the command in-process as a user would run it, with captured stdout and stderr, an
 * environment of the test's choosing, and a Ctrl-C the test can press ({@link #pressCtrlC()}).
 */
public final class CliRun {
    private final Map<String, String> env = new LinkedHashMap<>();
    private byte[] stdin = new byte[0];
    private CallEvents events = CallEvents.NONE;
    private final AtomicReference<Runnable> onCtrlC = new AtomicReference<>();

    /** What a run left behind. */
    public record Result(int code, byte[] stdout, String err) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out() + "--- stderr\n" + err;
        }
    }

    public static CliRun create() {
        return new CliRun();
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRun stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public CliRun events(CallEvents events) {
        this.events = events;
        return this;
    }

    /** Does what Ctrl-C does while a call runs (from the calling thread; returns when it is done). */
    public void pressCtrlC() {
        Runnable action = onCtrlC.get();
        if (action == null) {
            throw new IllegalStateException("no call is listening for Ctrl-C");
        }
        action.run();
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Interrupts interrupts = action -> {
            onCtrlC.set(action);
            return () -> onCtrlC.compareAndSet(action, null);
        };
        CliEnvironment environment = new CliEnvironment(env, new ByteArrayInputStream(stdin), out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false, interrupts, events);
        int code = FlexFunCli.run(environment, args);
        return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code args} then {@code more}. */
    public static String[] args(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
