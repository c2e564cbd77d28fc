package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The all-types function as a plain method. */
class AllTypesFunctionTest {

    @Test
    void typicalEdgeAndNullRows() {
        List<AllTypes> rows = AllTypesFunction.allTypes();
        assertEquals(3, rows.size());
        assertEquals(Long.MAX_VALUE, rows.get(1).big());
        assertTrue(Float.isNaN(rows.get(1).ratio()));
        AllTypes nulls = rows.get(2);
        assertNull(nulls.maybeFlag());
        assertNull(nulls.price());
        assertNull(nulls.payload());
        assertTrue(nulls.note().isEmpty());
        assertTrue(nulls.optionalDouble().isEmpty());
    }
}
