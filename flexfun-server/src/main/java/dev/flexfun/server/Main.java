package dev.flexfun.server;

import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.server.config.ConfigException;
import dev.flexfun.server.config.Settings;
import dev.flexfun.server.lifecycle.MissingJvmFlagsException;
import dev.flexfun.server.lifecycle.StartupWarmUp;
import dev.flexfun.server.observability.StructuredLogging;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's command line: {@code Main [--dev-log] [settings.toml ...]}. Settings files are read in
 * order (later ones win), then {@code GOODDATA_FLIGHT_*} environment variables. SIGTERM or Ctrl-C stops
 * the server cleanly (exit 0). No static logger: {@code --dev-log} must be set before logging starts.
 */
public final class Main {
    static final String LOG_FORMAT_PROPERTY = StructuredLogging.FORMAT_PROPERTY;
    private static final String USAGE = "Usage: flexfun-server [--dev-log] [settings.toml | folder of *.toml ...]";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--dev-log")) {
                System.setProperty(LOG_FORMAT_PROPERTY, "dev");
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                return 0;
            } else if (arg.startsWith("-")) {
                System.err.println("Unknown option " + arg + ". " + USAGE);
                return 2;
            } else {
                files.add(Path.of(arg));
            }
        }
        // Beside the set-up of logging and settings below (see StartupWarmUp).
        StartupWarmUp.start();
        Logger log = LoggerFactory.getLogger(Main.class);
        // Before starting: a SIGTERM that arrives during startup still stops the server cleanly.
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.install(stop::countDown);
        FlexFunServer server;
        try {
            Settings settings = Settings.load(files, System.getenv());
            StructuredLogging.setEventKey(settings.server().logEventKeyName());
            settings.warnings().forEach(log::warn);
            // The port opens while the on-load hooks run (unless flexfun.serve_while_loading = false).
            server = FlexFunServer.builder().settings(settings).discoverRegistries()
                    .serveWhileLoading(settings.flexfun().serveWhileLoading()).start();
        } catch (ConfigException e) {
            log.error("Invalid configuration: {}", e.getMessage());
            return 1;
        } catch (MissingJvmFlagsException e) {
            log.error("The server could not start: {}", e.getMessage()); // the message is the whole story
            return 1;
        } catch (Exception e) {
            log.error("The server could not start: {}", e.getMessage(), e);
            return 1;
        }
        for (FlexFunction function : server.catalog().functions()) {
            log.info("Serving function {} (from {})", function.name(), server.catalog().sourceOf(function.name()));
        }
        log.info("FlexFun server listening on {} (advertised as {}), started in {} ms", server.location().getUri(),
                server.advertisedLocation().getUri(), ManagementFactory.getRuntimeMXBean().getUptime());

        AtomicReference<Throwable> loadFailure = new AtomicReference<>();
        server.loaded().whenComplete((loaded, failure) -> {
            if (failure != null) {
                loadFailure.set(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
                stop.countDown();
            } else {
                log.info("Ready: on-load hooks done {} ms after start", ManagementFactory.getRuntimeMXBean().getUptime());
            }
        });

        // Fallback for exits we do not see as signals: still close cleanly.
        Thread hook = new Thread(() -> closeQuietly(server, log), "flexfun-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Throwable failedToLoad = loadFailure.get();
        if (failedToLoad != null) {
            log.error("The server could not start: {}", failedToLoad.getMessage(), failedToLoad);
            closeQuietly(server, log); // the shutdown hooks free what the hooks before the failed one loaded
            return 1;
        }
        log.info("Stopping the FlexFun server: /ready answers 500, new calls get SHUTTING_DOWN, running calls "
                + "have {} s to finish", server.settings().server().shutdownGrace().toSeconds());
        boolean clean = closeQuietly(server, log);
        log.info("FlexFun server stopped");
        return clean ? 0 : 1;
    }

    private static boolean closeQuietly(FlexFunServer server, Logger log) {
        try {
            server.close();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            log.error("The server did not stop cleanly: {}", e.getMessage(), e);
            return false;
        }
    }
}
