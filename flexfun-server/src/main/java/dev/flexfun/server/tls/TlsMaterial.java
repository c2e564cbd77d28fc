package dev.flexfun.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import org.apache.arrow.flight.FlightServer;

/**
 * What a TLS Flight server needs, read and checked from the settings {@code tls_certificate},
 * {@code tls_private_key} and, for mTLS, {@code tls_root_certificate} (each PEM text or {@code @/path}).
 *
 * <p>Checked up front so that a mistake is a message naming the setting, not a Netty stack trace
 * when the server starts.
 */
public final class TlsMaterial {
    private final String certificateChain;
    private final String privateKey;
    private final String clientRootCertificates;

    private TlsMaterial(String certificateChain, String privateKey, String clientRootCertificates) {
        this.certificateChain = certificateChain;
        this.privateKey = privateKey;
        this.clientRootCertificates = clientRootCertificates;
    }

    /**
     * @param certificate {@code tls_certificate}: the server's certificate chain
     * @param privateKey {@code tls_private_key}: its key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY})
     * @param useMtls {@code use_mtls}: require client certificates signed by {@code rootCertificate}
     * @param rootCertificate {@code tls_root_certificate}: required when {@code useMtls}, else ignored
     */
    public static TlsMaterial of(String certificate, String privateKey, boolean useMtls, String rootCertificate) {
        String chain = PemSource.read("tls_certificate", certificate);
        checkCertificates("tls_certificate", chain);
        String key = PemSource.read("tls_private_key", privateKey);
        checkPrivateKey(key);
        String roots = null;
        if (useMtls) {
            if (rootCertificate == null || rootCertificate.isBlank()) {
                throw new TlsConfigException("use_mtls is on but tls_root_certificate is not set: give the CA "
                        + "certificate(s) that sign accepted client certificates (PEM text or @/path).");
            }
            roots = PemSource.read("tls_root_certificate", rootCertificate);
            checkCertificates("tls_root_certificate", roots);
        }
        return new TlsMaterial(chain, key, roots);
    }

    /** Whether clients must present a certificate. */
    public boolean requiresClientCertificates() {
        return clientRootCertificates != null;
    }

    public String certificateChainPem() {
        return certificateChain;
    }

    public String privateKeyPem() {
        return privateKey;
    }

    public Optional<String> clientRootCertificatesPem() {
        return Optional.ofNullable(clientRootCertificates);
    }

    /**
     * Turns on TLS (and mTLS if configured) on {@code builder}, whose location must be
     * {@code grpc+tls://}.
     */
    public FlightServer.Builder applyTo(FlightServer.Builder builder) {
        try {
            builder.useTls(stream(certificateChain), stream(privateKey));
            if (clientRootCertificates != null) {
                builder.useMTlsClientVerification(stream(clientRootCertificates));
            }
        } catch (IOException e) {
            throw new TlsConfigException("Cannot use the TLS certificate and key: " + e.getMessage(), e);
        }
        return builder;
    }

    private static InputStream stream(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static void checkCertificates(String setting, String pem) {
        try {
            if (CertificateFactory.getInstance("X.509").generateCertificates(stream(pem)).isEmpty()) {
                throw new TlsConfigException(setting + " holds no certificate.");
            }
        } catch (CertificateException e) {
            throw new TlsConfigException(setting + " is not a valid PEM certificate: " + e.getMessage(), e);
        }
    }

    private static void checkPrivateKey(String pem) {
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new TlsConfigException("tls_private_key is encrypted; give an unencrypted key "
                    + "(openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem).");
        }
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----") || pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw new TlsConfigException("tls_private_key is in the old PKCS#1/SEC1 form; convert it to PKCS#8 "
                    + "(openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem).");
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new TlsConfigException("tls_private_key holds no private key (expected '-----BEGIN PRIVATE KEY-----').");
        }
    }
}
