package dev.flexfun.cli.gooddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.flexfun.cli.CliRun;
import dev.flexfun.cli.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code flexfun gooddata register} and {@code invalidate-cache} against a local HTTP server standing
 * in for GoodData's API: it records each request (method, path, headers, body) and answers with the
 * statuses the test queued.
 */
@Timeout(30)
class GoodDataCommandTest {
    private static final String API_TOKEN = "gd-api-t0ken-never-printed";

    /** One request as the fake API received it. */
    record Request(String method, String path, String authorization, String contentType, String accept, String body) {
    }

    private HttpServer api;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();

    @BeforeEach
    void start() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"), new String(body, StandardCharsets.UTF_8)));
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? 500 : statuses.poll();
            }
            byte[] answer = status / 100 == 2 ? "{}".getBytes(StandardCharsets.UTF_8)
                    : ("{\"title\":\"answer " + status + "\"}").getBytes(StandardCharsets.UTF_8);
            if (status == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    private String host() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }

    private void answer(Integer... codes) {
        synchronized (statuses) {
            statuses.addAll(List.of(codes));
        }
    }

    private CliRun cli() {
        return CliRun.create().env("GOODDATA_API_TOKEN", API_TOKEN).env("DS_TOKEN", "flight-token");
    }

    private static void assertJsonApi(Request request) {
        assertEquals("Bearer " + API_TOKEN, request.authorization());
        assertEquals(GoodDataApi.JSON_API, request.accept());
    }

    private static void assertNotEchoed(CliRun.Result result) {
        assertFalse(result.out().contains(API_TOKEN) || result.err().contains(API_TOKEN), result::toString);
    }

    @Test
    void registerPostsTheDataSource() throws Exception {
        answer(201);
        CliRun.Result result = cli().run("gooddata", "register", "--host", host(), "--url", "grpc+tls://ff.example:443",
                "--token-env", "DS_TOKEN", "--id", "my-ds");
        assertEquals(0, result.code(), result::toString);
        assertEquals(1, requests.size());
        Request post = requests.get(0);
        assertEquals("POST", post.method());
        assertEquals("/api/v1/entities/dataSources", post.path());
        assertJsonApi(post);
        assertEquals(GoodDataApi.JSON_API, post.contentType());
        assertEquals("""
                {"data":{"type":"dataSource","id":"my-ds","attributes":{"name":"FlexFun functions","type":"FLIGHTRPC",\
                "url":"grpc+tls://ff.example:443","schema":"","token":"flight-token","cacheStrategy":"NEVER"}}}""",
                new ObjectMapper().readTree(post.body()).toString());
        assertEquals("Data source 'my-ds' created (grpc+tls://ff.example:443).\n", result.err());
        assertNotEchoed(result);
    }

    @Test
    void registerPutsWhenTheDataSourceExists() throws Exception {
        answer(409, 200);
        CliRun.Result result = cli().run("gooddata", "register", "--host", host() + "/", "--url", "grpc://ff:17001",
                "--cache-strategy", "ALWAYS");
        assertEquals(0, result.code(), result::toString);
        assertEquals(List.of("POST", "PUT"), requests.stream().map(Request::method).toList());
        Request put = requests.get(1);
        assertEquals("/api/v1/entities/dataSources/flexfun", put.path());
        assertJsonApi(put);
        assertEquals(GoodDataApi.JSON_API, put.contentType());
        assertEquals(requests.get(0).body(), put.body(), "the same document");
        assertEquals("ALWAYS", new ObjectMapper().readTree(put.body()).at("/data/attributes/cacheStrategy").asText());
        assertTrue(result.err().contains("'flexfun' updated"), result.err());
    }

    @Test
    void anApiErrorExitsWithOneAndShowsGoodDatasAnswerButNotTheToken() {
        answer(401);
        CliRun.Result result = cli().run("gooddata", "register", "--host", host(), "--url", "grpc://ff:17001");
        assertEquals(ExitCode.SERVER_ERROR, result.code(), result::toString);
        assertEquals("error: GoodData answered 401 to POST " + host() + "/api/v1/entities/dataSources (is the API "
                + "token valid for this host?)\nmessage: {\"title\":\"answer 401\"}\n", result.err());
        assertNotEchoed(result);
    }

    @Test
    void aPlaceholderTokenIsNeverRegistered() throws Exception {
        java.nio.file.Path config = java.nio.file.Files.createTempFile("server", ".toml");
        try {
            java.nio.file.Files.writeString(config, "[server]\nauthentication_method = \"token\"\n");
            CliRun.Result result = cli().run("gooddata", "register", "--host", host(), config.toString());
            assertEquals(ExitCode.USAGE, result.code(), result::toString);
            assertTrue(result.err().contains("--token-env"), result.err());
            assertEquals(List.of(), requests);
        } finally {
            java.nio.file.Files.delete(config);
        }
    }

    @Test
    void invalidateCachePostsTheUploadNotification() {
        answer(204);
        CliRun.Result result = cli().run("gooddata", "invalidate-cache", "--host", host(), "--data-source", "my-ds");
        assertEquals(0, result.code(), result::toString);
        assertEquals(1, requests.size());
        Request post = requests.get(0);
        assertEquals("POST", post.method());
        assertEquals("/api/v1/actions/dataSources/my-ds/uploadNotification", post.path());
        assertJsonApi(post);
        assertEquals("", post.body());
        assertNotEchoed(result);
    }

    @Test
    void theApiTokenComesOnlyFromTheEnvironment() {
        CliRun.Result unset = CliRun.create().run("gooddata", "invalidate-cache", "--host", host());
        assertEquals(ExitCode.USAGE, unset.code(), unset::toString);
        assertTrue(unset.err().contains("GOODDATA_API_TOKEN is not set"), unset.err());

        answer(204);
        CliRun.Result named = CliRun.create().env("GD", API_TOKEN).env("GOODDATA_HOST", host())
                .run("gooddata", "invalidate-cache", "--api-token-env", "GD");
        assertEquals(0, named.code(), named::toString);
        assertEquals("Bearer " + API_TOKEN, requests.get(0).authorization());

        CliRun.Result option = CliRun.create().run("gooddata", "invalidate-cache", "--host", host(), "--api-token", "x");
        assertEquals(ExitCode.USAGE, option.code(), "there is no option for the token itself");
    }

    @Test
    void badHostsAndIdsAreUsageErrorsAndNoServerIsAConnectionFailure() throws Exception {
        assertEquals(ExitCode.USAGE, cli().run("gooddata", "invalidate-cache", "--host", "ftp://x").code());
        assertEquals(ExitCode.USAGE, cli().run("gooddata", "invalidate-cache", "--host", host() + "/api").code());
        assertEquals(ExitCode.USAGE, cli().run("gooddata", "invalidate-cache", "--host", host(), "--data-source",
                "a/b").code());
        assertEquals(List.of(), requests);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun.Result down = cli().run("gooddata", "invalidate-cache", "--host", "http://127.0.0.1:" + port);
        assertEquals(ExitCode.CONNECTION, down.code(), down::toString);
        assertTrue(down.err().startsWith("flexfun: cannot reach GoodData at http://127.0.0.1:" + port), down.err());
    }
}
