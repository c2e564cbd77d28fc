package dev.flexfun.cli;

/** {@code java -jar flexfun-cli-standalone.jar ...} and the {@code ./flexfun} script start here. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(FlexFunCli.run(CliEnvironment.system(), args));
    }
}
