package dev.flexfun.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightCallHeaders;
import org.junit.jupiter.api.Test;

class FunctionHeadersTest {

    @Test
    void dropsTheConfiguredTokenHeaderAndAuthorizationAndBinaryHeaders() {
        FlightCallHeaders headers = new FlightCallHeaders();
        headers.insert("X-Token", "secret");
        headers.insert("authorization", "Bearer other");
        headers.insert("x-trace-bin", new byte[] {1, 2});
        headers.insert("x-quiver-pollable", "1");
        headers.insert("x-quiver-pollable", "2");

        assertEquals(Map.of("x-quiver-pollable", List.of("1", "2")), FunctionHeaders.of(headers, "x-token"));
    }

    @Test
    void dropsAuthorizationEvenWhenAuthenticationIsOff() {
        FlightCallHeaders headers = new FlightCallHeaders();
        headers.insert("Authorization", "Bearer t");
        headers.insert("User-Agent", "test");
        assertEquals(Map.of("user-agent", List.of("test")), FunctionHeaders.of(headers, null));
    }
}
