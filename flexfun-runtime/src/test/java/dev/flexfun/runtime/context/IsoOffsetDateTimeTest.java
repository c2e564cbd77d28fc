package dev.flexfun.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timestamp fast path gives what {@link OffsetDateTime#parse} gives, and fails where it fails. */
class IsoOffsetDateTimeTest {

    @Test
    void theCommonShapeParsesAsTheJdkParsesIt() {
        List<String> valid = List.of("2024-09-12T12:51:26+00:00", "2026-01-05T10:00:00Z", "2020-06-03T10:15:30+01:00",
                "2020-06-03T10:15:30-05:30", "2020-06-03T10:15:30-00:00", "2020-06-03T10:15:30.1Z",
                "2020-06-03T10:15:30.123456789+14:00", "2020-06-03T10:15:30.000001-18:00", "2024-02-29T23:59:59+18:00",
                "0000-01-01T00:00:00Z",
                // Other shapes the JDK accepts: the general parser still reads them.
                "2020-06-03T10:15+01:00", "2020-06-03t10:15:30z", "2020-06-03T10:15:30+01:00:30", "+10000-01-01T00:00:00Z",
                "2020-06-03T10:15:30+01", "2024-09-12T12:51:26.Z");
        for (String text : valid) {
            assertEquals(OffsetDateTime.parse(text), IsoOffsetDateTime.parse(text), text);
        }
    }

    @Test
    void invalidTextFailsAsTheJdkFails() {
        List<String> invalid = List.of("", "2024-09-12", "2024-09-12T12:51:26", "2024-13-12T12:51:26Z",
                "2023-02-29T12:51:26Z", "2024-09-12T24:00:00Z", "2024-09-12T23:59:60Z", "2024-09-12T12:51:26+19:00",
                "2024-09-12T12:51:26+01:60", "2024-09-12T12:51:26.1234567891Z",
                "2024-09-12T12:51:26 Z", "2024-09-12T12:51:26Zx", "2024-09-12T12:5a:26Z", "２０２４-09-12T12:51:26Z",
                "2024-09-12T12:51:26+0100x");
        for (String text : invalid) {
            DateTimeParseException jdk = assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text),
                    text);
            DateTimeParseException ours = assertThrows(DateTimeParseException.class,
                    () -> IsoOffsetDateTime.parse(text), text);
            assertEquals(jdk.getMessage(), ours.getMessage(), text);
        }
    }
}
