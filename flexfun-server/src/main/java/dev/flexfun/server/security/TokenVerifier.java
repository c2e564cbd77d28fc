package dev.flexfun.server.security;

import dev.flexfun.runtime.Caller;
import dev.flexfun.runtime.ServerContext;
import java.util.Optional;

/**
 * Decides whether a bearer token is valid and who it belongs to. The SPI for custom token checks.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.flexfun.server.security.TokenVerifier}) and chosen by the
 * {@code token_verification} setting, which names either {@link #name()} or the class's fully
 * qualified name. The built-in one is {@link EnumeratedTokenVerification}.
 *
 * <p>{@link #verify} is called on every authenticated RPC from many threads at once: it must be
 * thread-safe and fast (cache remote lookups). It must never log the token; use
 * {@link TokenFingerprint} to refer to one.
 */
public interface TokenVerifier {

    /**
     * {@return the name {@code token_verification} selects} The simple class name unless
     * overridden.
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Called once at startup, before any {@link #verify}: read settings (e.g. a custom section via
     * {@link ServerContext#section}). Throw to stop the startup with a configuration error.
     *
     * @param server the settings and the health monitor
     * @throws Exception to stop the startup with a configuration error
     */
    default void init(ServerContext server) throws Exception {
    }

    /**
     * Checks a token (already stripped of any {@code Bearer } prefix).
     *
     * @param token the token the client sent
     * @return who the caller is, or empty if the token is not valid (the client then gets
     *     "Authentication token is not valid.")
     * @throws Exception when the token could not be checked (e.g. an identity service is down);
     *     the call is then refused as unauthenticated and the failure logged
     */
    Optional<Caller> verify(String token) throws Exception;
}
