package dev.flexfun.server.protocol;

import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DoGet tickets of the deferred invocation mode: the call itself (the GetFlightInfo command, the
 * verified caller's id, an expiry), signed with HMAC-SHA256 so that any replica holding the same
 * keys can run it and nobody can forge or alter one. Version 1, all integers big-endian:
 *
 * <pre>
 * 1 byte   version (1)
 * 4 bytes  key id: the first 4 bytes of SHA-256(key), so a verifier finds the key among its keys
 * 8 bytes  expiry, epoch milliseconds
 * 1 byte   flags: 1 = the command is deflated, 2 = a caller id follows
 * [2 bytes caller id length, caller id in UTF-8]   when flag 2
 * n bytes  the GetFlightInfo command (raw, or deflated when that is smaller)
 * 32 bytes HMAC-SHA256(key, every byte before)
 * </pre>
 *
 * The first key signs, all keys verify (rotation: add the new key second, then move it first once
 * every replica has it, then drop the old one). Since the command is carried raw at worst, any
 * accepted command fits; the ticket is at most {@code max_command_bytes} + {@value #MAX_OVERHEAD_BYTES}.
 */
public final class CallTickets {
    public static final byte VERSION = 1;
    /** Room for the header and the caller id on top of the command. */
    public static final int MAX_OVERHEAD_BYTES = 4096;
    private static final int KEY_ID_BYTES = 4;
    private static final int MAC_BYTES = 32;
    private static final int HEADER_BYTES = 1 + KEY_ID_BYTES + 8 + 1;
    private static final int FLAG_DEFLATED = 1;
    private static final int FLAG_CALLER = 2;
    private static final int MAX_CALLER_BYTES = MAX_OVERHEAD_BYTES - HEADER_BYTES - 2 - MAC_BYTES;
    private static final String HMAC = "HmacSHA256";

    /** What a valid ticket carries. */
    public record Contents(byte[] command, Optional<String> callerId, Instant expiry) {
    }

    private record Key(byte[] id, SecretKeySpec secret) {
    }

    private final List<Key> keys;
    private final Duration ttl;
    private final int maxCommandBytes;
    private final Clock clock;

    /**
     * @param keys            the first signs, all verify (the settings checked their length)
     * @param ttl             how long a ticket stays valid
     * @param maxCommandBytes the largest command accepted ({@code max_command_bytes})
     */
    public CallTickets(List<String> keys, Duration ttl, int maxCommandBytes, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one ticket key is needed");
        }
        List<Key> parsed = new ArrayList<>();
        for (String key : keys) {
            byte[] secret = key.getBytes(StandardCharsets.UTF_8);
            parsed.add(new Key(Arrays.copyOf(sha256(secret), KEY_ID_BYTES), new SecretKeySpec(secret, HMAC)));
        }
        this.keys = List.copyOf(parsed);
        this.ttl = ttl;
        this.maxCommandBytes = maxCommandBytes;
        this.clock = clock;
    }

    /** The largest ticket this server signs or reads. */
    public int maxTicketBytes() {
        return maxCommandBytes + MAX_OVERHEAD_BYTES;
    }

    /**
     * A ticket for {@code command}, valid for the configured time.
     *
     * @param callerId the verified caller's id when authentication is on, else {@code null}
     * @throws BadArgumentException when the caller id is too long to carry
     */
    public byte[] sign(byte[] command, String callerId) {
        byte[] caller = callerId == null ? null : callerId.getBytes(StandardCharsets.UTF_8);
        if (caller != null && caller.length > MAX_CALLER_BYTES) {
            throw new BadArgumentException("The caller's id is " + caller.length + " bytes long; a deferred ticket "
                    + "carries at most " + MAX_CALLER_BYTES + ". Use shorter caller ids in the token verifier.");
        }
        byte[] deflated = deflate(command);
        boolean useDeflated = deflated.length < command.length;
        byte[] body = useDeflated ? deflated : command;
        Key key = keys.get(0);
        int size = HEADER_BYTES + (caller == null ? 0 : 2 + caller.length) + body.length + MAC_BYTES;
        if (size > maxTicketBytes()) {
            throw new BadArgumentException("The call does not fit in a deferred ticket (" + size + " bytes, at most "
                    + maxTicketBytes() + "); send a shorter command.");
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION).put(key.id()).putLong(clock.instant().plus(ttl).toEpochMilli());
        out.put((byte) ((useDeflated ? FLAG_DEFLATED : 0) | (caller == null ? 0 : FLAG_CALLER)));
        if (caller != null) {
            out.putShort((short) caller.length).put(caller);
        }
        out.put(body);
        out.put(mac(key, out.array(), size - MAC_BYTES));
        return out.array();
    }

    /**
     * What {@code ticket} carries, when it was signed with one of the keys, is unaltered and has not
     * expired.
     *
     * @throws FlexFunException INVALID_TICKET otherwise; the message says which
     */
    public Contents verify(byte[] ticket) {
        if (ticket.length < HEADER_BYTES + MAC_BYTES || ticket.length > maxTicketBytes()) {
            throw invalid("The ticket is not a deferred ticket of this server (" + ticket.length + " bytes)");
        }
        if (ticket[0] != VERSION) {
            throw invalid("The ticket is not a deferred ticket of this server (version " + ticket[0] + ", expected "
                    + VERSION + "). Was it issued by a server in eager invocation mode?");
        }
        byte[] keyId = Arrays.copyOfRange(ticket, 1, 1 + KEY_ID_BYTES);
        byte[] givenMac = Arrays.copyOfRange(ticket, ticket.length - MAC_BYTES, ticket.length);
        boolean known = false;
        boolean valid = false;
        for (Key key : keys) {
            if (Arrays.equals(key.id(), keyId)) {
                known = true;
                // Constant time: the comparison's duration tells nothing about how much of the MAC matched.
                valid |= MessageDigest.isEqual(mac(key, ticket, ticket.length - MAC_BYTES), givenMac);
            }
        }
        if (!known) {
            throw invalid("The ticket was signed with a key this server does not have (flexfun.ticket_keys must be "
                    + "the same on every replica)");
        }
        if (!valid) {
            throw invalid("The ticket's signature does not match: it was altered or damaged");
        }
        ByteBuffer in = ByteBuffer.wrap(ticket, 1 + KEY_ID_BYTES, ticket.length - 1 - KEY_ID_BYTES - MAC_BYTES);
        Instant expiry = Instant.ofEpochMilli(in.getLong());
        if (!clock.instant().isBefore(expiry)) {
            throw invalid("The ticket expired at " + expiry + " (flexfun.ticket_ttl_sec); call GetFlightInfo again");
        }
        int flags = in.get();
        Optional<String> caller = Optional.empty();
        if ((flags & FLAG_CALLER) != 0) {
            byte[] id = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(id);
            caller = Optional.of(new String(id, StandardCharsets.UTF_8));
        }
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return new Contents((flags & FLAG_DEFLATED) != 0 ? inflate(body) : body, caller, expiry);
    }

    private static FlexFunException invalid(String message) {
        return new FlexFunException(ErrorCode.INVALID_TICKET, message + ".");
    }

    private static byte[] mac(Key key, byte[] bytes, int length) {
        try {
            Mac mac = Mac.getInstance(HMAC); // cheap; a Mac is not thread-safe, so one per use
            mac.init(key.secret());
            mac.update(bytes, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Only signed bodies get here, and none inflates beyond {@code max_command_bytes}. */
    private byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw invalid("The ticket's command is truncated");
                }
                out.write(chunk, 0, n);
                if (out.size() > maxCommandBytes) {
                    throw invalid("The ticket's command is longer than flexfun.max_command_bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw invalid("The ticket's command cannot be read");
        } finally {
            inflater.end();
        }
    }
}
