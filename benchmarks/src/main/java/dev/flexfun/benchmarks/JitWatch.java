package dev.flexfun.benchmarks;

import java.io.IOException;

/**
 * Watches a server process's JIT compiler threads between samples: a warm-up ends once they have
 * gone quiet, since until then a run measures the compiler (which shares the CPUs) as much as the
 * server.
 */
final class JitWatch {
    /** Quiet: the compiler threads used less than this share of one core since the last sample. */
    private static final double QUIET_SHARE_OF_A_CORE = 0.05;

    private final long pid;
    private long compilerNanos;
    private long sampledAt;

    private JitWatch(long pid) throws IOException {
        this.pid = pid;
        this.compilerNanos = ProcessStats.compilerCpuNanos(pid);
        this.sampledAt = System.nanoTime();
    }

    /** Starts watching {@code pid} from now. */
    static JitWatch of(long pid) throws IOException {
        return new JitWatch(pid);
    }

    /** Whether the compilers were quiet since the previous call (or since {@link #of}); starts a new period. */
    boolean quietSinceLastSample() throws IOException {
        long now = System.nanoTime();
        long compiler = ProcessStats.compilerCpuNanos(pid);
        boolean quiet = compiler - compilerNanos < (now - sampledAt) * QUIET_SHARE_OF_A_CORE;
        compilerNanos = compiler;
        sampledAt = now;
        return quiet;
    }
}
