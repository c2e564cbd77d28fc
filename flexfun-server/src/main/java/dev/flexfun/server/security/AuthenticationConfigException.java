package dev.flexfun.server.security;

import dev.flexfun.server.config.ConfigException;

/** Authentication is configured in a way the server cannot start with; the message says how to fix it. */
public class AuthenticationConfigException extends ConfigException {
    public AuthenticationConfigException(String message) {
        super(message);
    }

    public AuthenticationConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
