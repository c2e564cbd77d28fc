package dev.flexfun.runtime.vector;

import java.util.Iterator;

/**
 * One pass over a function's rows: the iterator, how many rows it has when known (-1 when not),
 * and what to close when the pass ends.
 */
record RowCursor<R>(Iterator<? extends R> rows, long size, AutoCloseable resource) {

    /** Closes the resource (the user's stream or iterator), if any. */
    void close() throws Exception {
        if (resource != null) {
            resource.close();
        }
    }
}
