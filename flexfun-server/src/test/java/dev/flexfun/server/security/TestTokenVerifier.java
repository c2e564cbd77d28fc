package dev.flexfun.server.security;

import dev.flexfun.runtime.Caller;
import dev.flexfun.runtime.ServerContext;
import java.util.Map;
import java.util.Optional;

/** A custom verifier, registered in src/test/resources/META-INF/services, as a user would write one. */
public final class TestTokenVerifier implements TokenVerifier {
    private volatile String tenant;

    @Override
    public String name() {
        return "TestVerification";
    }

    @Override
    public void init(ServerContext server) {
        tenant = server.section("test_verifier").path("tenant").asText("unset");
    }

    @Override
    public Optional<Caller> verify(String token) {
        if (token.equals("boom")) {
            throw new IllegalStateException("identity service down");
        }
        return token.startsWith("user:")
                ? Optional.of(new Caller(token.substring(5), Map.of("tenant", tenant)))
                : Optional.empty();
    }
}
