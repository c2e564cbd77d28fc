package dev.flexfun.cli.flight;

/** What happens during a call, for the progress line (and for tests that wait on it). */
public interface CallEvents {
    /** Events nobody hears of. */
    CallEvents NONE = new CallEvents() {
    };

    /**
     * The function still runs on the server; the call waits for task {@code taskId} again.
     *
     * @param taskId the server's id of the task
     */
    default void polling(String taskId) {
    }

    /**
     * A record batch arrived: {@code rows} rows in {@code bytes} bytes of Arrow buffers.
     *
     * @param rows the batch's rows
     * @param bytes the batch's Arrow buffer bytes
     */
    default void batch(long rows, long bytes) {
    }

    /** The result was read (or the read stopped). */
    default void finished() {
    }

    /**
     * {@return events that tell {@code first}, then {@code second}}
     *
     * @param first told first
     * @param second told second
     */
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
