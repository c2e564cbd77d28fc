/**
 * TLS and mTLS from the {@code tls_*} settings:
 * {@code TlsMaterial.of(cert, key, useMtls, rootCert).applyTo(builder)} on a builder whose
 * location is {@code Location.forGrpcTls(host, port)}.
 */
package dev.flexfun.server.tls;
