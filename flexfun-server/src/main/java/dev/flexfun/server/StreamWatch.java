package dev.flexfun.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What may stop one DoGet stream from outside its producer thread: the client cancelling, or the
 * stream's deadline ({@code flexfun.stream_deadline_ms}) passing. Either interrupts the producer, so
 * a lazy stream blocked in user code (a query, a sleep) stops too; the interrupt can only reach the
 * thread while it produces this stream, never a later stream on the same pool thread.
 */
final class StreamWatch {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private Thread producer;
    private boolean finished;

    /** The calling thread produces the stream from now on. */
    synchronized void producing() {
        producer = Thread.currentThread();
        if (cancelled.get() || timedOut.get()) {
            producer.interrupt();
        }
    }

    /** The producer is done: later stops do not interrupt it; clears an interrupt meant for this stream. */
    synchronized void finished() {
        finished = true;
        if (producer == Thread.currentThread()) {
            Thread.interrupted();
        }
        producer = null;
    }

    void cancel() {
        cancelled.set(true);
        interrupt();
    }

    void deadlinePassed() {
        timedOut.set(true);
        interrupt();
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    boolean isTimedOut() {
        return timedOut.get();
    }

    private synchronized void interrupt() {
        if (producer != null && !finished) {
            producer.interrupt();
        }
    }
}
