package dev.flexfun.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {
    private static final String CERT = TlsRpcTest.resource("server.pem");
    private static final String KEY = TlsRpcTest.resource("server-key.pem");

    private static String failure(Runnable r) {
        return assertThrows(TlsConfigException.class, r::run).getMessage();
    }

    @Test
    void readsFilesAndInlinePem() throws Exception {
        TlsMaterial material = TlsMaterial.of(CERT, KEY, true, TlsRpcTest.resource("ca.pem"));
        assertTrue(material.requiresClientCertificates());
        assertEquals(Files.readString(Path.of("src/test/resources/tls/ca.pem")),
                material.clientRootCertificatesPem().orElseThrow());
        assertEquals(false, TlsMaterial.of(CERT, KEY, false, "ignored").requiresClientCertificates());
    }

    @Test
    void missingFileNamesTheSettingAndThePath() {
        String message = failure(() -> TlsMaterial.of("@/nonexistent/cert.pem", KEY, false, null));
        assertEquals("tls_certificate: file /nonexistent/cert.pem does not exist.", message);
    }

    @Test
    void missingValuesAreNamed() {
        assertTrue(failure(() -> TlsMaterial.of(null, KEY, false, null)).startsWith("tls_certificate is required"));
        assertTrue(failure(() -> TlsMaterial.of(CERT, " ", false, null)).startsWith("tls_private_key is required"));
        assertTrue(failure(() -> TlsMaterial.of(CERT, KEY, true, null))
                .startsWith("use_mtls is on but tls_root_certificate is not set"));
    }

    @Test
    void nonPemAndSwappedValuesAreExplained(@TempDir Path dir) throws Exception {
        assertTrue(failure(() -> TlsMaterial.of("/etc/cert.pem", KEY, false, null))
                .contains("is not PEM"), "a path without @ is taken as inline text");
        assertTrue(failure(() -> TlsMaterial.of(CERT, CERT, false, null)).contains("holds no private key"));
        assertTrue(failure(() -> TlsMaterial.of(KEY, KEY, false, null)).startsWith("tls_certificate"));

        Path pkcs1 = dir.resolve("rsa.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertTrue(failure(() -> TlsMaterial.of(CERT, "@" + pkcs1, false, null)).contains("convert it to PKCS#8"));
    }
}
