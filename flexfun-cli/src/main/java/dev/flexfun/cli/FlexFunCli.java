package dev.flexfun.cli;

import dev.flexfun.cli.commands.CallCommand;
import dev.flexfun.cli.commands.ListCommand;
import dev.flexfun.cli.commands.SchemaCommand;
import dev.flexfun.cli.gooddata.GoodDataCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code flexfun} command. Subcommands get the {@link CliEnvironment} through their constructor;
 * failures become exit codes ({@link ExitCode}) and messages on stderr, never stack traces (except
 * for bugs).
 */
// INHERIT: every subcommand has --help and --version too.
@Command(name = "flexfun", mixinStandardHelpOptions = true, versionProvider = FlexFunCli.Version.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Call the functions of a FlexFun server from a terminal, and register it with GoodData.",
        subcommands = {ListCommand.class, SchemaCommand.class, CallCommand.class, GoodDataCommand.class})
public final class FlexFunCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs {@code args}; returns the exit code.
     *
     * @param env the environment the command works in
     * @param args the command line, without the program name
     * @return the exit code ({@link ExitCode})
     */
    public static int run(CliEnvironment env, String... args) {
        return commandLine(env).execute(args);
    }

    static CommandLine commandLine(CliEnvironment env) {
        CommandLine commandLine = new CommandLine(new FlexFunCli(), new EnvironmentFactory(env));
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(env.out(), StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(env.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        List<String> footer = new ArrayList<>(List.of(""));
        footer.addAll(ExitCode.HELP);
        withSubcommands(commandLine).forEach(c -> c.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new)));
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            PrintWriter err = command.getErr();
            if (e instanceof CliFailure failure) {
                failure.lines().forEach(err::println);
                err.flush();
                return failure.exitCode();
            }
            err.println("flexfun: unexpected error (a bug; please report it with this trace): " + e);
            e.printStackTrace(err);
            err.flush();
            return ExitCode.INTERNAL;
        });
        return commandLine;
    }

    private static List<CommandLine> withSubcommands(CommandLine command) {
        List<CommandLine> all = new ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> all.addAll(withSubcommands(sub)));
        return all;
    }

    /** {@code flexfun} alone: the usage, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand.");
    }

    /** Builds the commands with the environment (picocli's default factory for everything else). */
    private record EnvironmentFactory(CliEnvironment env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliEnvironment.class);
                constructor.setAccessible(true); // the gooddata subcommands are package-private
                return constructor.newInstance(env);
            } catch (NoSuchMethodException notACommandOfOurs) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** The version of this jar (its manifest), or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FlexFunCli.class.getPackage().getImplementationVersion();
            return new String[] {"flexfun " + (version == null ? "(development build)" : version)};
        }
    }
}
