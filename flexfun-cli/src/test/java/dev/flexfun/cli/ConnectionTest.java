package dev.flexfun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.cli.fixtures.TestTls;
import dev.flexfun.testkit.FlexFunTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tokens (from the environment or the command line) and TLS / mTLS with the test certificates. */
@Timeout(60)
class ConnectionTest {
    private static final String TOKEN = "s3cret-t0ken";

    private static FlexFunTestServer withToken() {
        // The kit validates after each setting: the tokens go in before the method that needs them.
        return FlexFunTestServer.create().setting("enumerated_tokens.tokens", List.of(TOKEN))
                .setting("server.authentication_method", "token").token(TOKEN).start();
    }

    private static FlexFunTestServer withTls(boolean mutual) {
        FlexFunTestServer server = FlexFunTestServer.create()
                .setting("server.tls_certificate", TestTls.setting("server.pem"))
                .setting("server.tls_private_key", TestTls.setting("server-key.pem"))
                .setting("server.use_tls", true);
        if (mutual) {
            server.setting("server.tls_root_certificate", TestTls.setting("ca.pem")).setting("server.use_mtls", true);
        }
        return server.start();
    }

    @Test
    void theTokenComesFromTheEnvironment() {
        try (FlexFunTestServer server = withToken()) {
            String url = "grpc://127.0.0.1:" + server.server().port();
            CliRun.Result result = CliRun.create().env("FLEXFUN_TOKEN", TOKEN).run("call", "--url", url, "Items",
                    "--format", "csv", "--columns", "id");
            assertEquals(0, result.code(), result::toString);
            assertEquals("id\n1\n2\n30\n", result.out());

            CliRun.Result named = CliRun.create().env("MY_TOKEN", TOKEN).run("list", "--url", url, "--token-env",
                    "MY_TOKEN");
            assertEquals(0, named.code(), named::toString);

            CliRun.Result given = CliRun.create().run("schema", "Items", "--url", url, "--token", TOKEN);
            assertEquals(0, given.code(), given::toString);
        }
    }

    @Test
    void aMissingOrWrongTokenExitsWithFourAndIsNeverPrinted() {
        try (FlexFunTestServer server = withToken()) {
            String url = "grpc://127.0.0.1:" + server.server().port();
            CliRun.Result missing = CliRun.create().run("list", "--url", url);
            assertEquals(ExitCode.AUTHENTICATION, missing.code(), missing::toString);
            assertTrue(missing.err().startsWith("flexfun: the server refused the credentials: "), missing.err());
            assertTrue(missing.err().contains("FLEXFUN_TOKEN"), missing.err());

            CliRun.Result wrong = CliRun.create().env("FLEXFUN_TOKEN", "wrong-secret").run("call", "--url", url, "Items");
            assertEquals(ExitCode.AUTHENTICATION, wrong.code(), wrong::toString);
            assertFalse(wrong.err().contains("wrong-secret"), wrong.err());
        }
    }

    @Test
    void tlsWithTheTestCa() {
        try (FlexFunTestServer server = withTls(false)) {
            String url = "grpc+tls://localhost:" + server.server().port();
            CliRun.Result result = CliRun.create().run("call", "--url", url, "--tls-root-cert",
                    TestTls.file("ca.pem").toString(), "Items", "--format", "csv", "--columns", "name");
            assertEquals(0, result.code(), result::toString);
            assertEquals("name\nplain\n\"comma, \"\"quoted\"\"\"\nwide value\n", result.out());

            CliRun.Result untrusted = CliRun.create().run("list", "--url", url);
            assertEquals(ExitCode.CONNECTION, untrusted.code(), untrusted::toString);

            CliRun.Result plain = CliRun.create().run("list", "--url", "grpc://localhost:" + server.server().port());
            assertEquals(ExitCode.CONNECTION, plain.code(), plain::toString);
        }
    }

    @Test
    void mutualTlsWithTheClientCertificate() {
        try (FlexFunTestServer server = withTls(true)) {
            String url = "grpc+tls://localhost:" + server.server().port();
            String ca = TestTls.file("ca.pem").toString();
            CliRun.Result result = CliRun.create().run("call", "--url", url, "--tls-root-cert", ca,
                    "--tls-cert", TestTls.file("client.pem").toString(),
                    "--tls-key", TestTls.file("client-key.pem").toString(), "Numbers", "--param", "count=3",
                    "--format", "csv");
            assertEquals(0, result.code(), result::toString);
            assertEquals("n\n0\n1\n2\n", result.out());

            CliRun.Result foreign = CliRun.create().run("list", "--url", url, "--tls-root-cert", ca,
                    "--tls-cert", TestTls.file("foreign-client.pem").toString(),
                    "--tls-key", TestTls.file("foreign-client-key.pem").toString());
            assertEquals(ExitCode.CONNECTION, foreign.code(), foreign::toString);

            CliRun.Result halfPair = CliRun.create().run("list", "--url", url, "--tls-cert",
                    TestTls.file("client.pem").toString());
            assertEquals(ExitCode.USAGE, halfPair.code(), halfPair::toString);
        }
    }
}
