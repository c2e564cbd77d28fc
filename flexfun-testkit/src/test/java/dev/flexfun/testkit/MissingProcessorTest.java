package dev.flexfun.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A project built without the processor has no registry on its class path: its build is green and a
 * call would get "does not exist". The kit says instead what is wrong and how to fix it.
 */
@Timeout(60)
class MissingProcessorTest {

    @Test
    void aCallFailsWithTheProcessorHintWhenNoRegistryIsOnTheClassPath() {
        try (FlexFunTestServer server = withoutRegistries(() -> FlexFunTestServer.create().start())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> server.call("Sales"));
            assertTrue(e.getMessage().startsWith("Function 'Sales' is not served. No FlexFun registry"), e.getMessage());
            assertTrue(e.getMessage().contains("<annotationProcessorPaths>"), e.getMessage());
            assertTrue(e.getMessage().contains("Registration is automatic"), e.getMessage());
            IllegalStateException schema = assertThrows(IllegalStateException.class, () -> server.schema("Sales"));
            assertEquals(e.getMessage(), schema.getMessage());
        }
    }

    @Test
    void functionsGivenToTheKitAreStillServed() {
        try (FlexFunTestServer server = withoutRegistries(
                () -> FlexFunTestServer.create().function(KitFunctions.count()).start())) {
            assertEquals(3, server.call("Count", Map.of("n", 3)).size());
        }
    }

    @Test
    void withRegistriesAnUnknownFunctionIsTheServersOwnError() {
        try (FlexFunTestServer server = FlexFunTestServer.create().start()) {
            FlexFunAssertions.assertFails(dev.flexfun.runtime.ErrorCode.BAD_ARGUMENT, "does not exist",
                    () -> server.call("Nope"));
        }
    }

    /** Runs {@code start} with a context class loader that hides every registry's service file. */
    private static <T> T withoutRegistries(Supplier<T> start) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(original) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals("META-INF/services/dev.flexfun.runtime.FlexFunctionRegistry")
                        ? Collections.enumeration(List.of()) : super.getResources(name);
            }
        });
        try {
            return start.get();
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
