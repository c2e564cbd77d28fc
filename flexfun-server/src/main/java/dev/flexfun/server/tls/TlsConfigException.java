package dev.flexfun.server.tls;

/** TLS settings the server cannot start with; the message names the setting and what to fix. */
public class TlsConfigException extends RuntimeException {
    public TlsConfigException(String message) {
        super(message);
    }

    public TlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
