package dev.flexfun.cli;

/** {@code java -jar flexfun-cli-<version>-standalone.jar ...} and the {@code ./flexfun} script start here. */
public final class Main {
    /** What config/jvm.options sets for Java 24+; see there. */
    static final String UNSAFE_MEMORY_ACCESS = "sun.misc.unsafe.memory.access";

    private Main() {
    }

    /**
     * Runs the {@code flexfun} command in this process's environment and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // A manifest can open java.nio (Add-Opens) but cannot set this flag. Netty reads it when it
        // loads, which is later, so `java -jar` on Java 24+ works without it too (the JVM may then
        // print its one Unsafe warning; ./flexfun passes the flag and it does not).
        if (System.getProperty(UNSAFE_MEMORY_ACCESS) == null) {
            System.setProperty(UNSAFE_MEMORY_ACCESS, "allow");
        }
        System.exit(FlexFunCli.run(CliEnvironment.system(), args));
    }
}
