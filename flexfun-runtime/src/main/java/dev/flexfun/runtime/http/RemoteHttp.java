package dev.flexfun.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.CallCancelledException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one HTTP request on behalf of a call:
 * <ul>
 *   <li>its timeout is what is left of the call's {@link CallContext#deadline()} (or
 *       {@code timeoutWithoutDeadline} outside a server), so the request never outlives the call;</li>
 *   <li>it is aborted as soon as the call is cancelled (client cancel, deadline, shutdown);</li>
 *   <li>a 4xx answer is BAD_ARGUMENT with the remote service's message, a 5xx answer, a timeout or an
 *       unreachable service is COMMAND_FAILED with the retry-anywhere flags.</li>
 * </ul>
 * Messages name the service by scheme, host and path only: never the query string or headers, where
 * credentials travel.
 */
public final class RemoteHttp {
    /** How often a waiting request checks whether its call was cancelled. */
    static final long CANCEL_POLL_MILLIS = 20;
    /** The most of a remote error message passed on to the client. */
    static final int MAX_REMOTE_MESSAGE = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RemoteHttp() {
    }

    /**
     * Sends {@code request} (its timeout is set here) and returns the 2xx response with its body as text.
     *
     * @param context the call the request is made for: its deadline bounds the request, and cancelling it
     *     aborts the request
     * @param client the HTTP client that sends the request
     * @param request the request to send; its timeout is replaced
     * @param timeoutWithoutDeadline the request's timeout when the call has no deadline
     * @return the response, whose status is 2xx
     * @throws FlexFunException BAD_ARGUMENT for 4xx, COMMAND_FAILED (retry anywhere) for 5xx, timeouts
     *     and connection failures, COMMAND_CANCELLED when the call was cancelled
     */
    public static HttpResponse<String> send(CallContext context, HttpClient client, HttpRequest.Builder request,
            Duration timeoutWithoutDeadline) {
        Objects.requireNonNull(context, "context");
        Duration timeout = context.deadline().map(d -> Duration.between(Instant.now(), d)).orElse(timeoutWithoutDeadline);
        HttpRequest built = request.build();
        String service = describe(built.uri());
        if (timeout.isZero() || timeout.isNegative()) {
            throw retryable("No time was left to call " + service + " before the call's deadline.", null);
        }
        context.throwIfCancelled();
        HttpRequest timed = HttpRequest.newBuilder(built, (name, value) -> true).timeout(timeout).build();
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(timed, HttpResponse.BodyHandlers.ofString());
        return checked(await(context, response, service, timeout), service);
    }

    private static HttpResponse<String> await(CallContext context, CompletableFuture<HttpResponse<String>> response,
            String service, Duration timeout) {
        try {
            while (true) {
                try {
                    return response.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    if (context.isCancelled()) {
                        throw aborted(context, response, service);
                    }
                }
            }
        } catch (InterruptedException e) {
            // The server interrupts a cancelled call's thread.
            Thread.currentThread().interrupt();
            throw aborted(context, response, service);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw retryable(service + " did not answer within " + timeout.toMillis() + " ms.", cause);
            }
            String why = cause instanceof IOException && cause.getMessage() != null ? ": " + cause.getMessage()
                    : " (" + cause.getClass().getSimpleName() + ")";
            throw retryable("Calling " + service + " failed" + why, cause);
        }
    }

    private static CallCancelledException aborted(CallContext context, CompletableFuture<?> response, String service) {
        response.cancel(true); // the HTTP client aborts the exchange and closes its connection
        return new CallCancelledException("Call of '" + context.functionName() + "' was cancelled; its request to "
                + service + " was aborted.");
    }

    private static HttpResponse<String> checked(HttpResponse<String> response, String service) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String answer = service + " answered HTTP " + status + remoteMessage(response.body());
        if (status >= 400 && status < 500) {
            throw new BadArgumentException(answer);
        }
        throw status >= 500 ? retryable(answer, null) : new FlexFunException(ErrorCode.COMMAND_FAILED, answer);
    }

    /** COMMAND_FAILED with the retry-anywhere flags: another try (here or on another server) may work. */
    private static FlexFunException retryable(String message, Throwable cause) {
        return FlexFunException.forCode(FlexFunException.RETRY_ANYWHERE | ErrorCode.COMMAND_FAILED.code(), message)
                .withCause(cause);
    }

    /** ": <message>" from a JSON error body ({@code message}, {@code error} or {@code detail}), else its text; cut short. */
    static String remoteMessage(String body) {
        if (body == null || body.isBlank()) {
            return ".";
        }
        String message = body.strip();
        try {
            JsonNode json = JSON.readTree(message);
            for (String field : new String[] {"message", "error", "detail"}) {
                if (json != null && json.path(field).isTextual()) {
                    message = json.path(field).asText();
                    break;
                }
            }
        } catch (IOException notJson) {
            // plain text
        }
        return ": " + (message.length() > MAX_REMOTE_MESSAGE ? message.substring(0, MAX_REMOTE_MESSAGE) + "..." : message);
    }

    /** The service as scheme://host[:port]/path: no user info, query or fragment. */
    static String describe(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }
}
