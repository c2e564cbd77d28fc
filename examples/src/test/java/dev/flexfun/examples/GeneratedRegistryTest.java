package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexFunctionRegistry;
import dev.flexfun.runtime.FlexResult;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/** The processor's output for this module, found as the server finds it: through ServiceLoader. */
class GeneratedRegistryTest {

    private static FlexFunction sales() {
        List<FlexFunction> functions = ServiceLoader.load(FlexFunctionRegistry.class).stream()
                .flatMap(provider -> provider.get().functions().stream())
                .filter(f -> f.name().equals("Sales"))
                .toList();
        assertEquals(1, functions.size(), "exactly one function named Sales on the class path");
        return functions.get(0);
    }

    @Test
    void salesIsRegisteredWithItsSchemaAndMetadata() {
        FlexFunction sales = sales();
        assertEquals(List.of("region", "product", "promoted", "revenue", "units"),
                sales.schema().getFields().stream().map(Field::getName).toList());
        assertEquals("Sales by region", sales.description());
        assertEquals("{\"tags\":[\"demo\"]}", sales.metadataJson());
    }

    @Test
    void adapterWritesTheRowsIntoVectors() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = sales().call(CallContext.builder().build());
                BatchStream stream = result.open(allocator)) {
            assertTrue(stream.next());
            VectorSchemaRoot root = stream.root();
            assertEquals(5, root.getRowCount());
            assertEquals("AMER", ((VarCharVector) root.getVector("region")).getObject(2).toString());
            assertEquals("Gizmo", ((VarCharVector) root.getVector("product")).getObject(3).toString());
            assertEquals(1, ((BitVector) root.getVector("promoted")).get(1));
            assertEquals(2410.75, ((Float8Vector) root.getVector("revenue")).get(2));
            assertEquals(7L, ((BigIntVector) root.getVector("units")).get(4));
            assertFalse(stream.next());
        }
    }

    @Test
    void columnsHintSelectsColumns() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = sales().call(CallContext.builder().columns("units", "region").build());
                BatchStream stream = result.open(allocator)) {
            assertTrue(stream.next());
            assertEquals(List.of("region", "units"),
                    stream.root().getSchema().getFields().stream().map(Field::getName).toList());
            assertEquals(10L, ((BigIntVector) stream.root().getVector("units")).get(0));
        }
    }
}
