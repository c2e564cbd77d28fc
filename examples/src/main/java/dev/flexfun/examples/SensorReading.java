package dev.flexfun.examples;

import java.time.Instant;

/** One row of {@code SensorReadings}: a generated measurement. */
public record SensorReading(long id, String sensor, double celsius, Instant measuredAt) {
}
