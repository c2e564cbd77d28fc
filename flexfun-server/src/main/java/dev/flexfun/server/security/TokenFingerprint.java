package dev.flexfun.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, non-reversible name for a token, for logs and caller ids: tokens themselves are never logged. */
public final class TokenFingerprint {
    private TokenFingerprint() {
    }

    /** The first 8 hex digits of the token's SHA-256. */
    public static String of(String token) {
        return HexFormat.of().formatHex(sha256(token), 0, 4);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
