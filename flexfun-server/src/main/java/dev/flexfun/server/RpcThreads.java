package dev.flexfun.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads gRPC runs our Flight methods on: at most {@code server.rpc_threads}, instead of Flight's
 * default cached pool, which grows by one thread per waiting GetFlightInfo. RPCs beyond that wait in
 * gRPC's order for a thread; admission keeps enough threads free of waiting calls
 * ({@code ResourceSettings.RESERVED_RPC_THREADS}) that refusals and DoGets are still answered at once.
 * Idle threads end after a minute. The server shuts it down after the Flight server has stopped
 * (Flight does not own an executor it is given).
 */
final class RpcThreads {
    private RpcThreads() {
    }

    static ExecutorService create(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "flexfun-rpc-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
