package dev.flexfun.server.execution;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random 32-hex-digit task ids, like the reference's (unguessable: the id is all a ticket holds). */
final class TaskIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TaskIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
