package dev.flexfun.server.execution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks the server knows by id: running, waiting, and finished ones kept for their DoGet until
 * {@code task_result_ttl_sec}. To stay within a bound without refusing steady traffic, a task whose
 * result was read (or whose error a poll has answered) becomes <em>evictable</em>: when the bound is
 * reached the oldest evictable tasks are forgotten early. Only results (and errors) nobody has read
 * yet hold their place until the TTL, and when those fill the bound new calls get BACKPRESSURE.
 *
 * <p>Evictable tasks are also kept at most {@link ExecutionLimits#READ_RESULTS_KEPT} at once: a result that
 * was read is rarely read again (a client retrying a read), and each kept task holds its call's
 * parameters, context and rows on the heap. A thousand of them (the default bound) made the young
 * collections of a server taking 3,000 small calls a second copy 30-66 MB instead of about 18 MB,
 * and pause about twice as long.
 */
final class KeptTasks {
    private final Map<String, Task> byId = new ConcurrentHashMap<>();
    /** Oldest first; guarded by itself. */
    private final Set<Task> evictable = new LinkedHashSet<>();

    Task get(String id) {
        return byId.get(id);
    }

    void add(Task task) {
        byId.put(task.id(), task);
    }

    Collection<Task> all() {
        return byId.values();
    }

    /** Marks a still-kept task as one that may be forgotten before its TTL when room is needed. */
    void evictable(Task task) {
        Task oldest = null;
        synchronized (evictable) {
            if (byId.get(task.id()) == task) {
                evictable.add(task);
                if (evictable.size() > ExecutionLimits.READ_RESULTS_KEPT) {
                    Iterator<Task> first = evictable.iterator();
                    oldest = first.next();
                    first.remove();
                }
            }
        }
        if (oldest != null) {
            forget(oldest);
        }
    }

    /**
     * Forgets evictable tasks, oldest first, until fewer than {@code limit} are kept.
     *
     * @return whether there is room now
     */
    boolean makeRoom(int limit) {
        while (byId.size() >= limit) {
            Task oldest;
            synchronized (evictable) {
                Iterator<Task> first = evictable.iterator();
                if (!first.hasNext()) {
                    return false;
                }
                oldest = first.next();
                first.remove();
            }
            forget(oldest);
        }
        return true;
    }

    /**
     * Forgets every evictable task at once (the server ran short of Arrow memory).
     *
     * @return the tasks forgotten
     */
    List<Task> forgetEvictable() {
        List<Task> oldestFirst;
        synchronized (evictable) {
            oldestFirst = new ArrayList<>(evictable);
        }
        oldestFirst.forEach(this::forget);
        return oldestFirst;
    }

    /** Stops keeping {@code task} and drops its result (freed once no longer read); idempotent. */
    void forget(Task task) {
        if (byId.remove(task.id(), task)) {
            synchronized (evictable) {
                evictable.remove(task);
            }
            task.forget();
        }
    }

    /** Stops keeping a task that never got going (refused by the pool); its result, if any, is not dropped. */
    void remove(Task task) {
        byId.remove(task.id(), task);
    }
}
