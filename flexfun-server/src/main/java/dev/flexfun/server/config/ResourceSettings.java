package dev.flexfun.server.config;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What the server may take from the machine, so overload and abandoned calls cannot exhaust it.
 *
 * @param rpcThreads        threads that serve Flight RPCs ({@code server.rpc_threads}; a GetFlightInfo holds one
 *                          while its call waits and runs, so this also bounds the calls admitted at once: at most
 *                          {@code rpc_threads - task_threads - }{@value #RESERVED_RPC_THREADS} calls wait)
 * @param streamThreads     threads that send DoGet streams ({@code server.stream_threads}); more streams wait
 * @param arrowMemoryLimit  bytes of Arrow memory the server may hold ({@code flexfun.arrow_memory_limit_mb})
 * @param maxKeptResults    finished results kept at once for their DoGet ({@code flexfun.max_kept_results})
 * @param streamDeadline    how long producing one DoGet stream may take in all ({@code flexfun.stream_deadline_ms})
 */
public record ResourceSettings(int rpcThreads, int streamThreads, long arrowMemoryLimit, int maxKeptResults,
        Duration streamDeadline) {

    private static final long MB = 1024 * 1024;

    /** RPC threads kept free of waiting calls, so refusals, ListFlights and DoGet are answered under overload. */
    public static final int RESERVED_RPC_THREADS = 8;

    static ResourceSettings read(SectionReader server, SectionReader flexfun, int taskThreads, int taskQueueSize) {
        // A GetFlightInfo holds its RPC thread while its call waits and runs: one per task thread, one per
        // call allowed to wait (a quarter as many as task threads by default: enough to keep the pool busy
        // between runs), and the reserve.
        int waiting = Math.min(taskQueueSize, (taskThreads + 3) / 4);
        int rpcThreads = server.integer("rpc_threads", taskThreads + waiting + RESERVED_RPC_THREADS, taskThreads + 2,
                20_000);
        int streamThreads = server.integer("stream_threads", Math.max(4, taskThreads / 4), 1, 10_000);
        long limitMb = flexfun.integer("arrow_memory_limit_mb", (int) (defaultArrowLimit() / MB), 16, Integer.MAX_VALUE);
        int maxKept = flexfun.integer("max_kept_results", 1024, 1, 10_000_000);
        long streamMs = flexfun.positiveMillis("stream_deadline_ms", 600_000, 1, "milliseconds");
        return new ResourceSettings(rpcThreads, streamThreads, limitMb * MB, maxKept, Duration.ofMillis(streamMs));
    }

    /**
     * Three quarters of the direct memory the JVM allows ({@code -XX:MaxDirectMemorySize}, else the
     * heap's maximum, which is the JVM's own default for it): Arrow's buffers are direct memory, and
     * the rest is left to Netty's transport buffers.
     */
    static long defaultArrowLimit() {
        long direct = Runtime.getRuntime().maxMemory();
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-XX:MaxDirectMemorySize=")) {
                direct = parseSize(argument.substring("-XX:MaxDirectMemorySize=".length()), direct);
            }
        }
        return Math.max(16 * MB, direct / 4 * 3);
    }

    private static long parseSize(String text, long fallback) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1024L;
            case 'm' -> MB;
            case 'g' -> 1024 * MB;
            case 't' -> 1024 * 1024 * MB;
            default -> 1L;
        };
        try {
            return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
