package dev.flexfun.server.observability;

import java.util.Map;
import java.util.TreeMap;

/** The samples of a Prometheus text-format scrape, keyed {@code name{label="value",...}} with labels sorted. */
final class Scrape {
    private final Map<String, Double> samples = new TreeMap<>();

    static Scrape of(int port) throws Exception {
        Scrape scrape = new Scrape();
        for (String line : Http.get(port, "/metrics").body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            scrape.samples.put(normalise(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
        }
        return scrape;
    }

    /** The value of a sample, 0 when absent; {@code labels} as {@code k1, v1, k2, v2...}. */
    double value(String name, String... labels) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        return samples.getOrDefault(key(name, sorted), 0.0);
    }

    boolean has(String name) {
        return samples.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    }

    private static String normalise(String series) {
        int brace = series.indexOf('{');
        if (brace < 0) {
            return series;
        }
        TreeMap<String, String> labels = new TreeMap<>();
        String body = series.substring(brace + 1, series.lastIndexOf('}'));
        for (String pair : body.split(",(?=[a-zA-Z_]+=\")")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
            }
        }
        return key(series.substring(0, brace), labels);
    }

    private static String key(String name, TreeMap<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder key = new StringBuilder(name).append('{');
        labels.forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
        key.setLength(key.length() - 1);
        return key.append('}').toString();
    }
}
