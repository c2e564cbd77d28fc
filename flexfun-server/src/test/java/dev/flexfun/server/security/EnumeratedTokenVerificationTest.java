package dev.flexfun.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnumeratedTokenVerificationTest {

    private static TokenVerifier loaded(String settingsJson) {
        return TokenVerifiers.load(TokenVerifiers.DEFAULT, TestServerContext.of(settingsJson),
                EnumeratedTokenVerificationTest.class.getClassLoader());
    }

    @Test
    void readsTokensFromATomlArray() throws Exception {
        TokenVerifier verifier = loaded("{\"enumerated_tokens\":{\"tokens\":[\"a1\",\"b2\"]}}");
        assertEquals("token-" + TokenFingerprint.of("b2"), verifier.verify("b2").orElseThrow().id());
        assertEquals(Optional.empty(), verifier.verify("b"));
        assertEquals(Optional.empty(), verifier.verify("b22"));
    }

    @Test
    void readsTokensFromAJsonArrayInAString() throws Exception {
        // What GOODDATA_FLIGHT_ENUMERATED_TOKENS__TOKENS='["a1","b2"]' yields.
        TokenVerifier verifier = loaded("{\"enumerated_tokens\":{\"tokens\":\"[\\\"a1\\\",\\\"b2\\\"]\"}}");
        assertTrue(verifier.verify("a1").isPresent());
    }

    @Test
    void noTokensIsAClearStartupError() {
        var e = assertThrows(AuthenticationConfigException.class, () -> loaded("{}"));
        assertTrue(e.getMessage().contains("no tokens are configured"), e.getMessage());
        assertThrows(AuthenticationConfigException.class, () -> loaded("{\"enumerated_tokens\":{\"tokens\":[]}}"));
        var notJson = assertThrows(AuthenticationConfigException.class,
                () -> loaded("{\"enumerated_tokens\":{\"tokens\":\"a1,b2\"}}"));
        assertTrue(notJson.getMessage().contains("must be a JSON array"), notJson.getMessage());
    }

    @Test
    void unknownVerifierNameListsTheAvailableOnes() {
        var e = assertThrows(AuthenticationConfigException.class,
                () -> TokenVerifiers.find("Nope", getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("EnumeratedTokenVerification"), e.getMessage());
        assertTrue(e.getMessage().contains("TestVerification"), e.getMessage());
    }

    @Test
    void verifierCanBeChosenByClassName() {
        assertEquals("TestVerification",
                TokenVerifiers.find(TestTokenVerifier.class.getName(), getClass().getClassLoader()).name());
    }

    @Test
    void fingerprintIsShortAndDoesNotContainTheToken() {
        String fingerprint = TokenFingerprint.of("my-very-secret-token");
        assertEquals(8, fingerprint.length());
        assertEquals(fingerprint, TokenFingerprint.of("my-very-secret-token"));
        assertTrue(!fingerprint.equals(TokenFingerprint.of("my-very-secret-tokeN")));
    }
}
