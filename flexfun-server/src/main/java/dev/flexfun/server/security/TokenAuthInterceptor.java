package dev.flexfun.server.security;

import dev.flexfun.runtime.Caller;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.RequestContext;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.grpc.MetadataAdapter;
import org.apache.arrow.flight.grpc.RequestContextAdapter;
import org.apache.arrow.flight.grpc.StatusUtils;

/**
 * Runs a {@link TokenAuthenticator} on every call as a gRPC interceptor, so a refusal reaches
 * the client with its {@code x-arrow-*} trailers (Arrow's middleware path would drop them).
 *
 * <p>It runs after Arrow's middleware factories and before the producer. An accepted call
 * carries its {@link Caller}: {@link #currentCaller()} in the producer's thread, and the caller's
 * id as the Flight {@code CallContext.peerIdentity()}. A refused call still completes through
 * the middleware ({@code onCallCompleted} sees UNAUTHENTICATED), so call logs and metrics count it.
 */
public final class TokenAuthInterceptor implements ServerInterceptor {
    private static final Context.Key<Caller> CALLER = Context.key("flexfun-caller");

    private final TokenAuthenticator authenticator;

    public TokenAuthInterceptor(TokenAuthenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator);
    }

    /**
     * The authenticated caller of the call being served, in the producer's thread (capture it
     * before handing work to another thread). Empty when authentication is off.
     */
    public static Optional<Caller> currentCaller() {
        return Optional.ofNullable(CALLER.get());
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        Caller caller;
        try {
            caller = authenticator.verify(new MetadataAdapter(headers));
        } catch (FlightRuntimeException e) {
            call.close(StatusUtils.toGrpcStatus(e.status()), trailersOf(e.status()));
            return new ServerCall.Listener<>() {
            };
        }
        // Arrow's middleware ran before us, in this gRPC context; its RequestContext feeds peerIdentity().
        RequestContext requestContext = RequestContextAdapter.REQUEST_CONTEXT_KEY.get();
        if (requestContext != null) {
            requestContext.put(Auth2Constants.PEER_IDENTITY_KEY, caller.id());
        }
        return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, headers, next);
    }

    private static Metadata trailersOf(CallStatus status) {
        Metadata trailers = new Metadata();
        ErrorFlightMetadata metadata = status.metadata();
        for (String key : metadata.keys()) {
            if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                for (byte[] value : metadata.getAllByte(key)) {
                    trailers.put(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER), value);
                }
            } else {
                for (String value : metadata.getAll(key)) {
                    trailers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
                }
            }
        }
        return trailers;
    }
}
