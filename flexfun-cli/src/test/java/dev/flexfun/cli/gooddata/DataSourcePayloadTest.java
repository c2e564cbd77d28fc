package dev.flexfun.cli.gooddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataSourcePayloadTest {
    private static final byte[] PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
            .getBytes(StandardCharsets.US_ASCII);

    private static JsonNode json(DataSourcePayload payload) throws Exception {
        return new ObjectMapper().readTree(payload.toJson());
    }

    @Test
    void oneServerWithoutTls() throws Exception {
        JsonNode doc = json(new DataSourcePayload("flexfun", "FlexFun functions", "FLIGHTRPC",
                List.of("grpc://localhost:17001"), Optional.empty(), Optional.empty(), "round-robin", "NEVER"));
        assertEquals("""
                {"data":{"type":"dataSource","id":"flexfun","attributes":{"name":"FlexFun functions","type":"FLIGHTRPC",\
                "url":"grpc://localhost:17001","schema":"","cacheStrategy":"NEVER"}}}""", doc.toString());
    }

    @Test
    void tokenAndCaCertificate() throws Exception {
        JsonNode attributes = json(new DataSourcePayload("ff", "FF", "flexconnect", List.of("grpc+tls://ff.example.com:443"),
                Optional.of("secret"), Optional.of(PEM), "round-robin", "always")).at("/data/attributes");
        assertEquals("FLEXCONNECT", attributes.get("type").asText());
        assertEquals("ALWAYS", attributes.get("cacheStrategy").asText());
        assertEquals("secret", attributes.get("token").asText());
        JsonNode parameters = attributes.get("parameters");
        assertEquals(1, parameters.size(), "no loadBalancing with one URL");
        assertEquals("tlsRootCertificate", parameters.get(0).get("name").asText());
        assertEquals(new String(PEM, StandardCharsets.US_ASCII),
                new String(Base64.getDecoder().decode(parameters.get(0).get("value").asText()), StandardCharsets.US_ASCII));
    }

    @Test
    void severalReplicasAreJoinedWithLoadBalancing() throws Exception {
        JsonNode attributes = json(new DataSourcePayload("ff", "FF", "FLIGHTRPC",
                List.of("grpc://a:17001", "grpc://b:17001"), Optional.empty(), Optional.empty(), "random", "NEVER"))
                .at("/data/attributes");
        assertEquals("grpc://a:17001;grpc://b:17001", attributes.get("url").asText());
        assertEquals("[{\"name\":\"loadBalancing\",\"value\":\"random\"}]", attributes.get("parameters").toString());
        assertFalse(attributes.has("token"));
    }

    @Test
    void rejectsWhatGoodDataWouldNotAccept() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DataSourcePayload("ff", "FF", "POSTGRESQL",
                List.of("grpc://a:1"), Optional.empty(), Optional.empty(), "none", "NEVER")).getMessage()
                .contains("[FLIGHTRPC, FLEXCONNECT]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DataSourcePayload("ff", "FF", "FLIGHTRPC",
                List.of("http://a:1"), Optional.empty(), Optional.empty(), "none", "NEVER")).getMessage()
                .contains("grpc:// or grpc+tls://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DataSourcePayload("ff", "FF", "FLIGHTRPC",
                List.of("grpc://a:1"), Optional.empty(), Optional.of("not a pem".getBytes(StandardCharsets.UTF_8)),
                "none", "NEVER")).getMessage().contains("not a PEM certificate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DataSourcePayload("ff", "FF", "FLIGHTRPC",
                List.of("grpc://a:1", "grpc://b:1"), Optional.empty(), Optional.empty(), "sticky", "NEVER"))
                .getMessage().contains("[none, round-robin, random]"));
    }
}
