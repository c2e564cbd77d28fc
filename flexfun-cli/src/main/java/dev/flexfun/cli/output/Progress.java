package dev.flexfun.cli.output;

import dev.flexfun.cli.flight.CallEvents;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The progress line on a terminal's stderr: rows, megabytes and rows per second while a result is
 * read, the task while the server still runs it. Redrawn at most every {@value #REDRAW_MS} ms, in
 * place ({@code \r}); the last state stays on screen.
 */
public final class Progress implements CallEvents {
    static final long REDRAW_MS = 200;

    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private long rows;
    private long bytes;
    private long lastDrawNanos;
    private boolean drawn;

    /**
     * A progress line drawn on {@code err}, timed from now.
     *
     * @param err the standard error stream, a terminal
     */
    public Progress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void polling(String taskId) {
        draw(String.format(Locale.ROOT, "running on the server (task %s), %d s", taskId, elapsedMs() / 1000), true);
    }

    @Override
    public void batch(long batchRows, long batchBytes) {
        rows += batchRows;
        bytes += batchBytes;
        draw(line(), false);
    }

    @Override
    public void finished() {
        if (drawn || rows > 0) {
            draw(line(), true);
            err.print('\n');
            err.flush();
        }
    }

    private String line() {
        double seconds = Math.max(elapsedMs(), 1) / 1000.0;
        return String.format(Locale.ROOT, "%,d rows  %.1f MB  %,.0f rows/s", rows, bytes / 1e6, rows / seconds);
    }

    private void draw(String text, boolean always) {
        long now = System.nanoTime();
        if (!always && drawn && now - lastDrawNanos < TimeUnit.MILLISECONDS.toNanos(REDRAW_MS)) {
            return;
        }
        lastDrawNanos = now;
        drawn = true;
        err.print("\r\033[K" + text);
        err.flush();
    }

    private long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
