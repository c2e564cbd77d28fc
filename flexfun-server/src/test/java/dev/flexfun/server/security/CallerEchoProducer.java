package dev.flexfun.server.security;

import dev.flexfun.runtime.Caller;
import java.util.List;
import java.util.TreeMap;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A test producer whose ListFlights answers one FlightInfo describing who called: descriptor path
 * = [caller id or "-", peerIdentity or "-", caller attributes as "k=v;..."].
 */
final class CallerEchoProducer extends NoOpFlightProducer {
    @Override
    public void listFlights(FlightProducer.CallContext context, org.apache.arrow.flight.Criteria criteria,
            StreamListener<FlightInfo> listener) {
        var caller = TokenAuthInterceptor.currentCaller();
        String id = caller.map(Caller::id).orElse("-");
        String attributes = caller.map(c -> new TreeMap<>(c.attributes()).toString()).orElse("-");
        String peer = context.peerIdentity() == null || context.peerIdentity().isEmpty() ? "-" : context.peerIdentity();
        FlightDescriptor descriptor = FlightDescriptor.path(id, peer, attributes);
        listener.onNext(new FlightInfo(new Schema(List.of()), descriptor, List.of(), -1, -1));
        listener.onCompleted();
    }

}
