package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.FlexResult;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cached table function as a plain unit: keep, call, read, close. */
@Timeout(30)
class CachedProductsFunctionTest {
    private final RootAllocator root = new RootAllocator();

    @AfterEach
    void closeAllocators() {
        CachedProductsFunction.close();
        root.close(); // fails when the function or a reader leaked
    }

    @Test
    void everyCallServesTheKeptTable() throws Exception {
        CachedProductsFunction.keep(root.newChildAllocator("cached-products", 0, Long.MAX_VALUE), 250, 100);
        CachedProductsFunction function = new CachedProductsFunction();
        try (BufferAllocator reader = root.newChildAllocator("reader", 0, Long.MAX_VALUE)) {
            for (int call = 0; call < 2; call++) {
                try (FlexResult result = function.call(CallContext.builder().build());
                        BatchStream batches = result.open(reader)) {
                    long rows = 0;
                    while (batches.next()) {
                        BigIntVector id = (BigIntVector) batches.root().getVector("product_id");
                        VarCharVector category = (VarCharVector) batches.root().getVector("category");
                        for (int r = 0; r < batches.root().getRowCount(); r++) {
                            assertEquals(rows, id.get(r));
                            assertEquals(ProductCatalog.CATEGORIES[(int) (rows % 7)], category.getObject(r).toString());
                            rows++;
                        }
                    }
                    assertEquals(250, rows);
                }
            }
        }
        assertTrue(CachedProductsFunction.keptBytes() > 0);
    }

    @Test
    void withoutATableTheCallIsNotReady() {
        FlexFunException e = org.junit.jupiter.api.Assertions.assertThrows(FlexFunException.class,
                () -> new CachedProductsFunction().call(CallContext.builder().build()));
        assertEquals(ErrorCode.NOT_READY, e.code());
    }
}
