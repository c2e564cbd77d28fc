package dev.flexfun.server.lifecycle;

import java.nio.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Checks, before any Arrow memory is touched, that this JVM was started with the flags Arrow needs.
 * Without them Arrow fails later and far from the cause (a static initializer error in the log, every
 * DoGet cancelled); with this check the server and the test kit stop at once with one message naming
 * the missing flags and where to put them. {@code config/jvm.options} lists the same flags.
 */
public final class ArrowJvmFlags {
    /**
     * On Java 24+ Arrow's Netty allocation manager fails in its static initializer unless sun.misc.Unsafe
     * memory access is allowed (measured on 25). The system property is what the launcher option
     * {@code --sun-misc-unsafe-memory-access} sets, and Java 17 accepts it, where it rejects that option.
     */
    static final String UNSAFE_ACCESS_PROPERTY = "sun.misc.unsafe.memory.access";
    static final String UNSAFE_ACCESS_FLAG = "-D" + UNSAFE_ACCESS_PROPERTY + "=allow";
    private static final int FIRST_JAVA_REFUSING_UNSAFE = 24;

    private ArrowJvmFlags() {
    }

    /**
     * @throws MissingJvmFlagsException naming the missing flags and where to add them
     */
    public static void require() {
        // Arrow's own module is the one java.nio must be open to (ALL-UNNAMED on the class path).
        Module arrow = MemoryUtil.class.getModule(); // a class literal: Arrow's initializer does not run
        List<String> missing = missing(Buffer.class.getModule().isOpen("java.nio", arrow),
                arrow.isNamed() ? arrow.getName() : "ALL-UNNAMED", Runtime.version().feature(),
                System.getProperty(UNSAFE_ACCESS_PROPERTY));
        if (!missing.isEmpty()) {
            throw new MissingJvmFlagsException(message(missing));
        }
    }

    /** The flags missing, given what the JVM reports. */
    static List<String> missing(boolean nioOpen, String arrowModule, int javaFeature, String unsafeAccess) {
        List<String> missing = new ArrayList<>();
        if (!nioOpen) {
            missing.add("--add-opens=java.base/java.nio=" + arrowModule);
        }
        if (javaFeature >= FIRST_JAVA_REFUSING_UNSAFE && !"allow".equals(unsafeAccess)) {
            missing.add(UNSAFE_ACCESS_FLAG);
        }
        return missing;
    }

    static String message(List<String> missing) {
        String flags = String.join(" ", missing);
        return "This JVM was started without the flag" + (missing.size() > 1 ? "s" : "") + " Apache Arrow needs: "
                + flags + ". Add " + (missing.size() > 1 ? "them" : "it") + " where the JVM is launched: for tests, "
                + "to maven-surefire-plugin's <argLine>; for the server, to the java command (run-server.sh and the "
                + "Dockerfile use config/jvm.options: java @config/jvm.options ...); or, for any JVM, to the "
                + "environment: JAVA_TOOL_OPTIONS=\"" + flags + "\".";
    }
}
