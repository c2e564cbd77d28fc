package dev.flexfun.server.tls;

import dev.flexfun.server.config.ConfigException;

/** TLS settings the server cannot start with; the message names the setting and what to fix. */
public class TlsConfigException extends ConfigException {
    public TlsConfigException(String message) {
        super(message);
    }

    public TlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
