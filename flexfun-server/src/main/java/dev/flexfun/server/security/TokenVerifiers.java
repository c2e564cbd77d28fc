package dev.flexfun.server.security;

import dev.flexfun.runtime.ServerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link TokenVerifier} that {@code token_verification} names, among those on the class path. */
public final class TokenVerifiers {
    /** The default of {@code token_verification}. */
    public static final String DEFAULT = "EnumeratedTokenVerification";

    private TokenVerifiers() {
    }

    /**
     * The verifier named {@code name} (its {@link TokenVerifier#name()} or class name), initialised
     * with {@code server}.
     *
     * @throws AuthenticationConfigException if none has that name, or its {@code init} failed
     */
    public static TokenVerifier load(String name, ServerContext server, ClassLoader classLoader) {
        TokenVerifier verifier = find(name, classLoader);
        try {
            verifier.init(server);
        } catch (AuthenticationConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new AuthenticationConfigException("Token verifier '" + name + "' failed to initialise: " + e.getMessage(), e);
        }
        return verifier;
    }

    /** The verifier named {@code name}, not yet initialised. */
    public static TokenVerifier find(String name, ClassLoader classLoader) {
        List<String> available = new ArrayList<>();
        for (TokenVerifier candidate : ServiceLoader.load(TokenVerifier.class, classLoader)) {
            if (candidate.name().equals(name) || candidate.getClass().getName().equals(name)) {
                return candidate;
            }
            available.add(candidate.name());
        }
        throw new AuthenticationConfigException("token_verification = '" + name + "' names no token verifier; available: "
                + available + ". A custom verifier implements " + TokenVerifier.class.getName()
                + " and is listed in META-INF/services/" + TokenVerifier.class.getName() + ".");
    }
}
