package dev.flexfun.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        return cpuNanosOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    /**
     * CPU time of the JIT compiler threads (C1, C2) of {@code pid} so far, in nanoseconds: while it
     * grows, the JVM is still compiling its hot paths and the process is not yet at its steady speed.
     */
    static long compilerCpuNanos(long pid) throws IOException {
        long nanos = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    nanos += cpuNanosOf(stat);
                }
            }
        }
        return nanos;
    }

    /** utime + stime of a /proc stat line (a process's or a thread's). */
    private static long cpuNanosOf(String stat) {
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
