package dev.flexfun.server.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.runtime.Caller;
import dev.flexfun.runtime.ServerContext;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The built-in verifier: a fixed list of tokens from {@code [enumerated_tokens] tokens}.
 *
 * <p>Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, against every
 * listed token without stopping early, so the time taken says nothing about how close a guess
 * was, nor which token matched, nor the tokens' lengths. The caller's id is {@code token-<fingerprint>}.
 */
public final class EnumeratedTokenVerification implements TokenVerifier {
    /** The settings section and key the tokens are read from. */
    public static final String SECTION = "enumerated_tokens";
    public static final String KEY = "tokens";

    private volatile List<byte[]> digests;

    /** For {@link java.util.ServiceLoader}; the tokens come from the settings in {@link #init}. */
    public EnumeratedTokenVerification() {
    }

    /** A verifier for these tokens (at least one, none blank). */
    public EnumeratedTokenVerification(Collection<String> tokens) {
        this.digests = digestsOf(List.copyOf(tokens));
    }

    @Override
    public String name() {
        return "EnumeratedTokenVerification";
    }

    @Override
    public void init(ServerContext server) {
        this.digests = digestsOf(tokensFrom(server.section(SECTION).get(KEY)));
    }

    @Override
    public Optional<Caller> verify(String token) {
        List<byte[]> known = digests;
        if (known == null) {
            throw new IllegalStateException("EnumeratedTokenVerification was not initialised with tokens.");
        }
        byte[] candidate = TokenFingerprint.sha256(token);
        boolean match = false;
        for (byte[] digest : known) {
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match ? Optional.of(Caller.of("token-" + TokenFingerprint.of(token))) : Optional.empty();
    }

    /**
     * The tokens setting as a list: a TOML array, or (from the environment variable
     * {@code GOODDATA_FLIGHT_ENUMERATED_TOKENS__TOKENS}) a string holding a JSON array.
     */
    static List<String> tokensFrom(JsonNode setting) {
        JsonNode array = setting;
        if (setting != null && setting.isTextual()) {
            try {
                array = new ObjectMapper().readTree(setting.asText());
            } catch (JsonProcessingException e) {
                throw new AuthenticationConfigException("[" + SECTION + "] " + KEY
                        + " must be a JSON array of strings, e.g. '[\"token1\",\"token2\"]'; the value is not valid JSON.");
            }
        }
        if (array == null || array.isNull() || array.isMissingNode()) {
            throw noTokens();
        }
        if (!array.isArray()) {
            throw new AuthenticationConfigException("[" + SECTION + "] " + KEY + " must be an array of strings.");
        }
        List<String> tokens = new ArrayList<>();
        for (JsonNode t : array) {
            if (!t.isTextual()) {
                throw new AuthenticationConfigException("[" + SECTION + "] " + KEY + " must contain only strings.");
            }
            tokens.add(t.asText());
        }
        return tokens;
    }

    private static List<byte[]> digestsOf(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw noTokens();
        }
        List<byte[]> digests = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (token == null || token.isBlank()) {
                throw new AuthenticationConfigException("[" + SECTION + "] " + KEY + " contains an empty token.");
            }
            digests.add(TokenFingerprint.sha256(token));
        }
        return List.copyOf(digests);
    }

    private static AuthenticationConfigException noTokens() {
        return new AuthenticationConfigException("authentication_method is 'token' but no tokens are configured: set ["
                + SECTION + "] " + KEY + " = [\"...\"] or GOODDATA_FLIGHT_ENUMERATED_TOKENS__TOKENS='[\"...\"]'.");
    }
}
