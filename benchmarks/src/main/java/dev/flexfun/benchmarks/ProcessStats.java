package dev.flexfun.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about a process (from {@code /proc/<pid>}): its CPU time (every thread: the
 * server's calls, GC and JIT alike) and its peak resident memory.
 */
final class ProcessStats {
    /** USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** User + system CPU time of {@code pid} so far, in nanoseconds (10 ms resolution). */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // The fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /** The peak resident set size of {@code pid} (VmHWM), in bytes. */
    static long peakRssBytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                .findFirst().orElseThrow(() -> new IOException("no VmHWM in /proc/" + pid + "/status"));
    }
}
