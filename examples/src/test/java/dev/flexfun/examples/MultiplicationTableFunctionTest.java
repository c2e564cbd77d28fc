package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.FlexResult;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** The hand-written function, called as the server calls it, with a leak-checked allocator. */
class MultiplicationTableFunctionTest {

    @Test
    void fillsTheTable() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = new MultiplicationTableFunction().call(
                        CallContext.builder().allocator(allocator).parametersJson("{\"size\": 3}").build());
                BatchStream stream = result.open(allocator)) {
            assertTrue(result.isRepeatable());
            assertTrue(stream.next());
            VectorSchemaRoot root = stream.root();
            assertEquals(9, root.getRowCount());
            // Row 5 is a = 2, b = 3.
            assertEquals(2, ((IntVector) root.getVector("a")).get(5));
            assertEquals(3, ((IntVector) root.getVector("b")).get(5));
            assertEquals(6, ((IntVector) root.getVector("product")).get(5));
            assertFalse(stream.next());
        }
    }

    @Test
    void rejectsASizeOutOfRangeWithoutLeaking() {
        try (RootAllocator allocator = new RootAllocator()) {
            BadArgumentException e = assertThrows(BadArgumentException.class, () -> new MultiplicationTableFunction()
                    .call(CallContext.builder().allocator(allocator).parametersJson("{\"size\": 1001}").build()));
            assertEquals("Parameter 'size' must be between 1 and 1000, was 1001.", e.getMessage());
        }
    }
}
