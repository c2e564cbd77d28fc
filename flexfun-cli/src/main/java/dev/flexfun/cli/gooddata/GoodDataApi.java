package dev.flexfun.cli.gooddata;

import dev.flexfun.cli.CliFailure;
import dev.flexfun.cli.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The two GoodData API calls the command makes, with the JDK's HTTP client: register the data source
 * ({@code POST /api/v1/entities/dataSources}, or {@code PUT .../{id}} when it exists already) and
 * tell GoodData that the data behind a data source changed
 * ({@code POST /api/v1/actions/dataSources/{id}/uploadNotification}), which drops what it cached.
 * The API token goes into the Authorization header and nowhere else: no message repeats it.
 */
final class GoodDataApi {
    static final String DATA_SOURCES = "/api/v1/entities/dataSources";
    static final String JSON_API = "application/vnd.gooddata.api+json";
    private static final int MAX_BODY_SHOWN = 500;

    /** What {@link #register} did. */
    enum Registration { CREATED, UPDATED }

    private final URI host;
    private final String apiToken;
    private final Duration timeout;
    private final HttpClient http;

    GoodDataApi(URI host, String apiToken, Duration timeout) {
        this.host = host;
        this.apiToken = apiToken;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Registration register(DataSourcePayload payload) {
        String body = payload.toJson();
        HttpResponse<String> created = send("POST", DATA_SOURCES, body);
        if (isSuccess(created)) {
            return Registration.CREATED;
        }
        if (created.statusCode() != 409) { // 409 Conflict: a data source with this id exists
            throw failure("POST", DATA_SOURCES, created);
        }
        String path = DATA_SOURCES + "/" + payload.id();
        HttpResponse<String> updated = send("PUT", path, body);
        if (!isSuccess(updated)) {
            throw failure("PUT", path, updated);
        }
        return Registration.UPDATED;
    }

    void uploadNotification(String dataSourceId) {
        String path = "/api/v1/actions/dataSources/" + DataSourcePayload.checkId(dataSourceId) + "/uploadNotification";
        HttpResponse<String> response = send("POST", path, null);
        if (!isSuccess(response)) {
            throw failure("POST", path, response);
        }
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + apiToken)
                .header("Accept", JSON_API);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", JSON_API)
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.CONNECTION, "flexfun: cannot reach GoodData at " + host + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.INTERRUPTED, "flexfun: interrupted.");
        }
    }

    private static boolean isSuccess(HttpResponse<String> response) {
        return response.statusCode() / 100 == 2;
    }

    private CliFailure failure(String method, String path, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.length() > MAX_BODY_SHOWN) {
            body = body.substring(0, MAX_BODY_SHOWN) + " [truncated]";
        }
        String hint = switch (response.statusCode()) {
            case 401 -> " (is the API token valid for this host?)";
            case 403 -> " (the API token's user needs the MANAGE permission on the organization)";
            case 404 -> " (is --host the organization's URL, and does the data source exist?)";
            default -> "";
        };
        return new CliFailure(ExitCode.SERVER_ERROR, List.of(
                "error: GoodData answered " + response.statusCode() + " to " + method + " " + host.resolve(path) + hint,
                "message: " + (body.isEmpty() ? "(no body)" : body.replace('\n', ' '))));
    }
}
