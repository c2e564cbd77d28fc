package dev.flexfun.server.config;

/** A setting is invalid; the message names the key, the value and what is allowed. Stops startup. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigException invalid(String section, String key, Object value, String allowed) {
        return new ConfigException("Invalid setting " + section + "." + key + " = " + value + " (env "
                + EnvOverrides.envName(section, key) + "): " + allowed + ".");
    }
}
