package dev.flexfun.runtime.vector;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;

/**
 * One pass over a function's rows: the iterator, how many rows it has when known (-1 when not),
 * and what to close when the pass ends. A pass over a {@code Stream} also keeps the stream's
 * spliterator, so the rows can be pushed ({@link Spliterator#forEachRemaining}) instead of pulled
 * through an iterator that buffers each element.
 */
record RowCursor<R>(Iterator<? extends R> rows, long size, AutoCloseable resource, Spliterator<? extends R> pushable) {

    RowCursor(Iterator<? extends R> rows, long size, AutoCloseable resource) {
        this(rows, size, resource, null);
    }

    /** A pass over a stream's spliterator: pulled through an iterator over it, or pushed. */
    static <R> RowCursor<R> ofSpliterator(Spliterator<? extends R> rows, AutoCloseable resource) {
        return new RowCursor<>(Spliterators.iterator(rows), -1, resource, rows);
    }

    /** Closes the resource (the user's stream or iterator), if any. */
    void close() throws Exception {
        if (resource != null) {
            resource.close();
        }
    }
}
