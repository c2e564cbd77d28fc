package dev.flexfun.testkit;

/** Run in a child JVM by {@link MissingJvmFlagsTest}: starts the kit as a user's test would. */
public final class StartKitWithoutFlags {
    private StartKitWithoutFlags() {
    }

    public static void main(String[] args) {
        try (FlexFunTestServer server = FlexFunTestServer.create().start()) {
            System.out.println("started on port " + server.server().port());
        }
    }
}
