package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.testkit.FlexFunTestServer;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every column type through the real server and back. */
class AllTypesEndToEndTest {

    @RegisterExtension
    static final FlexFunTestServer SERVER = FlexFunTestServer.create();

    @Test
    void schemaFollowsTheTypeTable() {
        Schema schema = SERVER.schema("AllTypes");
        assertEquals(new ArrowType.Decimal(12, 2, 128), type(schema, "price"));
        assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Prague"), type(schema, "pragueTime"));
        assertEquals(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), type(schema, "zoned"));
        assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), type(schema, "instant"));
        assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), type(schema, "localTimestamp"));
        assertEquals(new ArrowType.Date(DateUnit.DAY), type(schema, "day"));
        assertEquals(new ArrowType.Time(TimeUnit.MICROSECOND, 64), type(schema, "time"));
        assertEquals(new ArrowType.Int(8, true), type(schema, "tiny"));
        assertEquals(ArrowType.Binary.INSTANCE, type(schema, "payload"));
        for (String utf8 : List.of("label", "grade", "weekday", "uuid", "note")) {
            assertEquals(ArrowType.Utf8.INSTANCE, type(schema, utf8), utf8);
        }
        assertEquals(new ArrowType.Int(32, true), type(schema, "optionalInt"));
        assertFalse(schema.findField("flag").isNullable(), "primitive");
        assertFalse(schema.findField("label").isNullable(), "@Column(nullable = NOT_NULL)");
        assertTrue(schema.findField("maybeFlag").isNullable(), "reference");
        assertTrue(schema.findField("optionalLong").isNullable(), "OptionalLong");
    }

    @Test
    void everyValueReadsBackEqual() throws Exception {
        List<AllTypes> rows = SERVER.call("AllTypes", Map.of(), AllTypes.class);
        assertEquals(AllTypesFunction.ROWS.size(), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            for (RecordComponent component : AllTypes.class.getRecordComponents()) {
                Object expected = component.getAccessor().invoke(AllTypesFunction.ROWS.get(r));
                Object actual = component.getAccessor().invoke(rows.get(r));
                String where = "row " + r + ", " + component.getName();
                if (expected instanceof byte[] bytes) {
                    assertArrayEquals(bytes, (byte[]) actual, where);
                } else {
                    assertEquals(expected, actual, where);
                }
            }
        }
    }

    @Test
    void nullsAreNullsAndTextTypesAreStrings() {
        List<Map<String, Object>> rows = SERVER.call("AllTypes", Map.of("columns", List.of("weekday", "uuid", "note")));
        assertEquals(Map.of("weekday", "MONDAY", "uuid", "123e4567-e89b-12d3-a456-426614174000", "note", "with a note"),
                rows.get(0));
        assertNull(rows.get(2).get("weekday"));
        assertNull(rows.get(2).get("note"));
        assertEquals(3, rows.get(2).size(), "only the requested columns");
    }

    private static ArrowType type(Schema schema, String name) {
        Field field = schema.findField(name);
        return field.getType();
    }
}
