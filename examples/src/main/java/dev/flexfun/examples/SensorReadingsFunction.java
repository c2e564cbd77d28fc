package dev.flexfun.examples;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.runtime.CallContext;
import java.time.Instant;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A streaming function: millions of rows, generated lazily. Returning a {@code Stream} means no
 * row exists before the server asks for it; the generated adapter pulls {@code batch_size} rows
 * at a time into Arrow vectors while DoGet sends them, so memory stays bounded by a few batches
 * whatever {@code rows} is. The stream is closed when the result is read, fails or is cancelled.
 */
public final class SensorReadingsFunction {
    static final long DEFAULT_ROWS = 1_000_000;
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] SENSORS = {"boiler", "cellar", "attic", "garage"};

    private SensorReadingsFunction() {
    }

    /** Parameters: {@code rows}, how many readings (default 1,000,000). */
    @FlexFun(name = "SensorReadings", description = "Generated sensor readings, streamed lazily")
    public static Stream<SensorReading> readings(CallContext ctx) {
        long rows = ctx.parameters().path("rows").asLong(DEFAULT_ROWS);
        if (rows < 0) {
            throw new IllegalArgumentException("Parameter 'rows' must be 0 or more, was " + rows + ".");
        }
        return LongStream.range(0, rows).mapToObj(SensorReadingsFunction::reading);
    }

    /** Reading {@code id}: a deterministic function of the id, so tests can check any row. */
    static SensorReading reading(long id) {
        String sensor = SENSORS[(int) (id % SENSORS.length)];
        double celsius = 15.0 + (id % 200) / 10.0;
        return new SensorReading(id, sensor, celsius, START.plusSeconds(id));
    }
}
