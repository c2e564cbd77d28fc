package dev.flexfun.cli.gooddata;

import dev.flexfun.cli.CliEnvironment;
import dev.flexfun.cli.flight.DurationConverter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where GoodData is and the API token to use (from the environment only, so it is never on a command line). */
public final class GoodDataOptions {
    static final String HOST_ENV = "GOODDATA_HOST";
    static final String DEFAULT_API_TOKEN_ENV = "GOODDATA_API_TOKEN";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "URL", description = "the GoodData organization, e.g. "
            + "https://acme.cloud.gooddata.com (default: $" + HOST_ENV + ")")
    private String host;

    @Option(names = "--api-token-env", paramLabel = "VAR", defaultValue = DEFAULT_API_TOKEN_ENV,
            description = "environment variable holding the GoodData API token (default: ${DEFAULT-VALUE})")
    private String apiTokenEnv;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "HTTP timeout (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    GoodDataApi api(CliEnvironment env) {
        String target = Optional.ofNullable(host).or(() -> env.variable(HOST_ENV)).orElseThrow(() ->
                usage("Give --host https://<your organization> (or set " + HOST_ENV + ")."));
        String token = env.variable(apiTokenEnv).orElseThrow(() -> usage("Environment variable " + apiTokenEnv
                + " is not set: export your GoodData API token there (or name another with --api-token-env)."));
        return new GoodDataApi(hostUri(target), token, timeout);
    }

    private URI hostUri(String target) {
        try {
            URI uri = new URI(target.endsWith("/") ? target.substring(0, target.length() - 1) : target);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw usage("--host " + target + " must be https://host[:port] (no path).");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw usage("--host " + target + " is not a URL: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
