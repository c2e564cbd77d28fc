package dev.flexfun.server;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.apache.arrow.flight.grpc.ServerInterceptorAdapter;

/**
 * Tells a call's {@link CallObserver} the client's address, which Flight middleware cannot see.
 * A gRPC interceptor: it runs inside Arrow's middleware interceptor, so the call's observer exists.
 */
final class PeerAddressInterceptor implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        var middleware = ServerInterceptorAdapter.SERVER_MIDDLEWARE_KEY.get();
        if (middleware != null && middleware.get(CallObserver.KEY) instanceof CallObserver observer) {
            observer.peer(format(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
        }
        return next.startCall(call, headers);
    }

    private static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return address == null ? null : address.toString();
    }
}
