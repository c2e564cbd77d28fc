package dev.flexfun.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a small call's time goes on the server, from its own Prometheus histograms: the mean time a
 * task waited for a task thread (the hand-off from the gRPC thread), and the mean server-side
 * duration of GetFlightInfo and DoGet. Differences of two snapshots cover what happened in between.
 */
record ServerTimes(Map<String, double[]> sumAndCount) {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$");
    static final String QUEUE_WAIT = "task queue wait";
    static final String GET_FLIGHT_INFO = "GetFlightInfo on the server";
    static final String DO_GET = "DoGet on the server";

    static ServerTimes read(int metricsPort, String function) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + ServerProcess.HOST + ":" + metricsPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, double[]> values = new java.util.LinkedHashMap<>();
        for (String name : new String[] {QUEUE_WAIT, GET_FLIGHT_INFO, DO_GET}) {
            values.put(name, new double[2]);
        }
        String fn = "function=\"" + function + "\"";
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(2).contains(fn)) {
                continue;
            }
            String key = switch (m.group(1).replaceAll("_(sum|count)$", "")) {
                case "flexfun_task_queue_wait_seconds" -> QUEUE_WAIT;
                case "flexfun_call_duration_seconds" -> m.group(2).contains("rpc=\"GetFlightInfo\"") ? GET_FLIGHT_INFO
                        : m.group(2).contains("rpc=\"DoGet\"") ? DO_GET : null;
                default -> null;
            };
            if (key != null) {
                values.get(key)[m.group(1).endsWith("_sum") ? 0 : 1] = Double.parseDouble(m.group(3));
            }
        }
        return new ServerTimes(values);
    }

    /** The mean of each time between {@code before} and this snapshot, in ms. */
    String meansSince(ServerTimes before) {
        StringBuilder out = new StringBuilder();
        sumAndCount.forEach((name, now) -> {
            double[] then = before.sumAndCount().get(name);
            double count = now[1] - then[1];
            out.append(String.format("%s%s: mean %.3f ms over %.0f", out.length() == 0 ? "" : "; ", name,
                    count == 0 ? 0 : (now[0] - then[0]) / count * 1e3, count));
        });
        return out.toString();
    }
}
