package dev.flexfun.server.balancer;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The client of {@code .ci/nginx-check.sh}: against each named balancer, {@code calls} FlexFunction
 * calls (GetFlightInfo, then DoGet at the endpoint's location) with 1 client, then with 8 clients
 * (connections) at once. Prints one line per run, e.g. {@code deferred: clients=8 calls=300 ok=300},
 * failures counted by their ErrorInfo code ({@code INVALID_TICKET=..}). Every RPC has a 20 s deadline.
 * One JVM for every run: start-up and JIT warm-up are paid once.
 *
 * <p>Usage: {@code BalancedCallsClient <calls> <name>=<host>:<port> ...}
 */
public final class BalancedCallsClient {
    private static final byte[] CALL = "{\"functionName\":\"Sample\",\"parameters\":{\"rows\":5}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final int[] CLIENTS = {1, 8};

    private BalancedCallsClient() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        for (int a = 1; a < args.length; a++) {
            String name = args[a].substring(0, args[a].indexOf('='));
            String address = args[a].substring(name.length() + 1);
            int colon = address.lastIndexOf(':');
            Location balancer = Location.forGrpcInsecure(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1)));
            for (int clients : CLIENTS) {
                System.out.println(name + ": " + run(balancer, calls, clients));
            }
        }
    }

    private static String run(Location balancer, int calls, int clients) throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = calls / clients + (c < calls % clients ? 1 : 0);
                results.add(pool.submit(() -> callRepeatedly(allocator, balancer, share)));
            }
            for (Future<List<String>> result : results) {
                for (String outcome : result.get(5, TimeUnit.MINUTES)) {
                    outcomes.merge(outcome, 1, Integer::sum);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        StringBuilder line = new StringBuilder("clients=" + clients + " calls=" + calls + " ok="
                + outcomes.getOrDefault("ok", 0));
        outcomes.forEach((outcome, count) -> {
            if (!outcome.equals("ok")) {
                line.append(' ').append(outcome).append('=').append(count);
            }
        });
        return line.toString();
    }

    private static List<String> callRepeatedly(BufferAllocator parent, Location balancer, int calls) throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (BufferAllocator allocator = parent.newChildAllocator("client", 0, Long.MAX_VALUE);
                FlightClient client = FlightClient.builder(allocator, balancer).build()) {
            for (int i = 0; i < calls; i++) {
                outcomes.add(call(client, balancer));
            }
        }
        return outcomes;
    }

    /** {@code ok}, or what the call failed with. */
    private static String call(FlightClient client, Location balancer) throws Exception {
        try {
            FlightInfo info = client.getInfo(FlightDescriptor.command(CALL), CallOptions.timeout(20, TimeUnit.SECONDS));
            FlightEndpoint endpoint = info.getEndpoints().get(0);
            if (endpoint.getLocations().size() != 1 || !sameAddress(endpoint.getLocations().get(0), balancer)) {
                return "not_the_balancer:" + endpoint.getLocations();
            }
            long rows = 0;
            try (FlightStream stream = client.getStream(endpoint.getTicket(), CallOptions.timeout(20, TimeUnit.SECONDS))) {
                while (stream.next()) {
                    rows += stream.getRoot().getRowCount();
                }
            }
            return rows == 5 ? "ok" : "wrong_row_count";
        } catch (FlightRuntimeException e) {
            return FlightErrors.errorInfoOf(e).map(BalancedCallsClient::codeName)
                    .orElse("grpc_" + e.status().code());
        }
    }

    /** grpc:// and grpc+tcp:// name the same thing. */
    private static boolean sameAddress(Location a, Location b) {
        return a.getUri().getHost().equals(b.getUri().getHost()) && a.getUri().getPort() == b.getUri().getPort();
    }

    private static String codeName(ErrorInfo info) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.code() == info.code()) {
                return code.name();
            }
        }
        return "code_" + info.code();
    }
}
