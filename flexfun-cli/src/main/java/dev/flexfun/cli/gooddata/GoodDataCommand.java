package dev.flexfun.cli.gooddata;

import dev.flexfun.cli.CliEnvironment;
import dev.flexfun.cli.ExitCode;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flexfun gooddata}: the data source in GoodData (print it, register it, invalidate its cache). */
@Command(name = "gooddata", description = "Register this server as a GoodData data source; invalidate GoodData's cache.",
        subcommands = {GoodDataCommand.Payload.class, GoodDataCommand.Register.class, GoodDataCommand.InvalidateCache.class})
public final class GoodDataCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a subcommand: payload, register or invalidate-cache.");
    }

    /** Prints the data source JSON. */
    @Command(name = "payload", description = "Print the data source JSON for POST /api/v1/entities/dataSources.")
    static final class Payload implements Callable<Integer> {
        private final CliEnvironment env;

        @Mixin
        private PayloadOptions payload;

        Payload(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            DataSourcePayload document = payload.payload(env, env.err());
            if (PayloadOptions.hasPlaceholderToken(document)) {
                env.err().println("Note: replace the token placeholder, or pass --token-env / --token-file.");
            }
            PrintWriter out = new PrintWriter(new OutputStreamWriter(env.out(), StandardCharsets.UTF_8));
            out.println(document.toJson());
            out.flush();
            return ExitCode.OK;
        }
    }

    /** Creates or updates the data source. */
    @Command(name = "register", description = "Create the data source in GoodData, or update it when it exists.")
    static final class Register implements Callable<Integer> {
        private final CliEnvironment env;

        @Mixin
        private PayloadOptions payload;

        @Mixin
        private GoodDataOptions gooddata;

        Register(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            DataSourcePayload document = payload.payload(env, env.err());
            if (PayloadOptions.hasPlaceholderToken(document)) {
                throw payload.usage("The server authenticates with tokens: give GoodData one with --token-env VAR "
                        + "or --token-file FILE.");
            }
            GoodDataApi.Registration done = gooddata.api(env).register(document);
            env.err().println("Data source '" + document.id() + "' " + done.name().toLowerCase() + " ("
                    + String.join(";", document.urls()) + ").");
            return ExitCode.OK;
        }
    }

    /** Tells GoodData the data changed. */
    @Command(name = "invalidate-cache", description = "Tell GoodData the data behind a data source changed "
            + "(POST .../uploadNotification), so it drops its cached results.")
    static final class InvalidateCache implements Callable<Integer> {
        private final CliEnvironment env;

        @Spec
        private CommandSpec spec;

        @Mixin
        private GoodDataOptions gooddata;

        @Option(names = "--data-source", paramLabel = "ID", defaultValue = "flexfun",
                description = "the data source id (default: ${DEFAULT-VALUE})")
        private String dataSource;

        InvalidateCache(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            try {
                DataSourcePayload.checkId(dataSource);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            gooddata.api(env).uploadNotification(dataSource);
            env.err().println("GoodData's cache of data source '" + dataSource + "' is invalidated.");
            return ExitCode.OK;
        }
    }
}
