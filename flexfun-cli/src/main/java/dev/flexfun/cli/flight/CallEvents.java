package dev.flexfun.cli.flight;

/** What happens during a call, for the progress line (and for tests that wait on it). */
public interface CallEvents {
    CallEvents NONE = new CallEvents() {
    };

    /** The function still runs on the server; the call waits for task {@code taskId} again. */
    default void polling(String taskId) {
    }

    /** A record batch arrived: {@code rows} rows in {@code bytes} bytes of Arrow buffers. */
    default void batch(long rows, long bytes) {
    }

    /** The result was read (or the read stopped). */
    default void finished() {
    }

    /** Tells {@code first}, then {@code second}. */
    static CallEvents both(CallEvents first, CallEvents second) {
        return new CallEvents() {
            @Override
            public void polling(String taskId) {
                first.polling(taskId);
                second.polling(taskId);
            }

            @Override
            public void batch(long rows, long bytes) {
                first.batch(rows, bytes);
                second.batch(rows, bytes);
            }

            @Override
            public void finished() {
                first.finished();
                second.finished();
            }
        };
    }
}
