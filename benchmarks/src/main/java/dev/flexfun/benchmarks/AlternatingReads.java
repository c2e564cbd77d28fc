package dev.flexfun.benchmarks;

import dev.flexfun.benchmarks.FlightReads.Read;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;

/**
 * Reads two calls alternately (who goes first alternates too, so a slow phase of the machine hits
 * both alike), prints each measured pair, then each call's median, min and max rows/s, its median
 * MB/s, and the ratio of the first to the second.
 */
final class AlternatingReads {
    /** A call to measure and how the report names it. */
    record Subject(String name, String how, FlightDescriptor call) {
        String label() {
            return name + " (" + how + ")";
        }
    }

    private AlternatingReads() {
    }

    static void measure(FlightClient client, long rows, int warmups, int runs, Subject a, Subject b) throws Exception {
        for (int i = 0; i < warmups; i++) {
            FlightReads.read(client, a.call(), rows);
            FlightReads.read(client, b.call(), rows);
        }
        double[] aRows = new double[runs];
        double[] bRows = new double[runs];
        double[] aMb = new double[runs];
        double[] bMb = new double[runs];
        double[] pairRatio = new double[runs];
        for (int run = 0; run < runs; run++) {
            Read first = FlightReads.read(client, (run % 2 == 0 ? a : b).call(), rows);
            Read second = FlightReads.read(client, (run % 2 == 0 ? b : a).call(), rows);
            Read readA = run % 2 == 0 ? first : second;
            Read readB = run % 2 == 0 ? second : first;
            aRows[run] = readA.rowsPerSecond();
            bRows[run] = readB.rowsPerSecond();
            aMb[run] = readA.megabytesPerSecond();
            bMb[run] = readB.megabytesPerSecond();
            pairRatio[run] = aRows[run] / bRows[run];
            System.out.printf("run %d: %s %.2f s (%,.0f rows/s), %s %.2f s (%,.0f rows/s), ratio %.2f%n", run + 1,
                    a.name(), readA.seconds(), aRows[run], b.name(), readB.seconds(), bRows[run], pairRatio[run]);
        }
        Stats statsA = Stats.of(aRows);
        Stats statsB = Stats.of(bRows);
        Stats ratio = Stats.of(pairRatio);
        System.out.println();
        System.out.printf("%-40s %14s %14s %14s %10s%n", "function (median of " + runs + ")", "rows/s", "min rows/s",
                "max rows/s", "MB/s");
        System.out.printf("%-40s %,14.0f %,14.0f %,14.0f %10.0f%n", a.label(), statsA.median(), statsA.min(),
                statsA.max(), Stats.of(aMb).median());
        System.out.printf("%-40s %,14.0f %,14.0f %,14.0f %10.0f%n", b.label(), statsB.median(), statsB.min(),
                statsB.max(), Stats.of(bMb).median());
        System.out.printf("%s / %s: %.2fx (ratio of medians); per pair %.2f .. %.2f, median %.2f%n", a.name(), b.name(),
                statsA.median() / statsB.median(), ratio.min(), ratio.max(), ratio.median());
    }
}
