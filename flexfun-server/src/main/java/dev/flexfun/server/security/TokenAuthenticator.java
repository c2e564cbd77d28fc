package dev.flexfun.server.security;

import dev.flexfun.runtime.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.FlightRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token authentication of one call: reads the token from the call's headers and asks the
 * {@link TokenVerifier}. By default the token comes as {@code authorization: Bearer <token>}; with
 * a configured {@code token_header_name}, the header holds the raw token.
 *
 * <p>Every refusal is an {@link Unauthenticated} error whose message says what was wrong.
 * Served by {@link TokenAuthInterceptor}, not by Arrow's own {@code headerAuthenticator} hook,
 * which would drop the error's {@code x-arrow-*} trailers (Arrow Java 19 closes calls failed in
 * middleware with empty trailers).
 */
public final class TokenAuthenticator {
    /** The default header, holding {@code Bearer <token>}. */
    public static final String AUTHORIZATION = "authorization";
    static final String BEARER_PREFIX = "bearer ";
    static final String INVALID_TOKEN = "Authentication token is not valid.";

    private static final Logger LOG = LoggerFactory.getLogger(TokenAuthenticator.class);

    private final TokenVerifier verifier;
    private final String headerName;
    private final boolean bearer;

    /**
     * @param verifier checks the tokens
     * @param tokenHeaderName the {@code token_header_name} setting: a header holding the raw token,
     *     or {@code null} (or blank) for {@code authorization: Bearer <token>}
     */
    public TokenAuthenticator(TokenVerifier verifier, String tokenHeaderName) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.bearer = tokenHeaderName == null || tokenHeaderName.isBlank();
        // gRPC header names are lower case on the wire; configured names are matched case-insensitively.
        this.headerName = bearer ? AUTHORIZATION : tokenHeaderName.strip().toLowerCase(Locale.ROOT);
    }

    /** The header the token is read from (lower case); strip it from what functions see. */
    public String headerName() {
        return headerName;
    }

    /**
     * Who made the call.
     *
     * @throws FlightRuntimeException an {@link Unauthenticated} error saying why the call is refused
     */
    public Caller verify(CallHeaders headers) {
        String token = tokenFrom(headers);
        Optional<Caller> caller;
        try {
            caller = verifier.verify(token);
        } catch (Exception e) {
            LOG.atWarn().setCause(e).addKeyValue("verifier", verifier.name())
                    .addKeyValue("token_fingerprint", TokenFingerprint.of(token))
                    .log("token_verification_failed");
            throw Unauthenticated.error("Authentication token could not be verified.");
        }
        if (caller == null || caller.isEmpty()) {
            LOG.atDebug().addKeyValue("token_fingerprint", TokenFingerprint.of(token)).log("token_rejected");
            throw Unauthenticated.error(INVALID_TOKEN);
        }
        return caller.get();
    }

    private String tokenFrom(CallHeaders headers) {
        List<String> values = new ArrayList<>();
        if (headers.containsKey(headerName)) {
            headers.getAll(headerName).forEach(values::add);
        }
        if (values.isEmpty()) {
            throw Unauthenticated.error(bearer
                    ? "Authentication header '" + headerName + "' is missing; send 'authorization: Bearer <token>'."
                    : "Authentication header '" + headerName + "' is missing; send the token in it.");
        }
        if (values.size() > 1) {
            throw Unauthenticated.error("Authentication header '" + headerName + "' must be given once, it was given "
                    + values.size() + " times.");
        }
        String value = values.get(0);
        if (!bearer) {
            return value;
        }
        // The auth scheme is case-insensitive (RFC 7235); the token is whatever follows one space.
        if (value.length() < BEARER_PREFIX.length()
                || !value.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            throw Unauthenticated.error("Authentication header '" + headerName
                    + "' must have the form 'Bearer <token>'.");
        }
        return value.substring(BEARER_PREFIX.length());
    }

}
