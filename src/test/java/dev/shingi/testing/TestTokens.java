package dev.shingi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Bearer tokens for test and load clients: an RSA key made per JVM, its public key given to the application as
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location} (what an OIDC issuer's key would be), and
 * RS256 JWTs naming the user in {@code preferred_username}. Checking one costs a signature verification; HTTP Basic
 * costs a bcrypt check on every request (cost 10, tens of milliseconds of CPU, and Spring Security re-hashes a
 * cheaper stored hash up to that cost at the first sign-in), which would measure the password hash, not the ledger.
 */
public final class TestTokens {
    private static final KeyPair KEYS;
    /** A key the application does not know: what a forger would sign with. */
    private static final KeyPair STRANGER;
    private static final Path PUBLIC_KEY;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KEYS = generator.generateKeyPair();
            STRANGER = generator.generateKeyPair();
            PUBLIC_KEY = Files.createTempFile("shingi-test-jwt-", ".pem");
            PUBLIC_KEY.toFile().deleteOnExit();
            Files.writeString(PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestTokens() {
    }

    /** The application properties that make it accept these tokens. */
    public static Map<String, String> properties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + PUBLIC_KEY);
    }

    /** An {@code Authorization} header value for {@code user}, valid for a day. */
    public static String bearer(String user) {
        return bearer(user, false);
    }

    /** The same for an admin: the token's {@code roles} claim holds {@code shingi-admin}. */
    public static String bearer(String user, boolean admin) {
        return bearer(user, admin, 86_400, KEYS);
    }

    /** A token that expired {@code secondsAgo} seconds ago, signed with the application's key. */
    public static String expired(String user, long secondsAgo) {
        return bearer(user, false, -secondsAgo, KEYS);
    }

    /** A well-formed token for {@code user}, signed with a key the application does not know. */
    public static String forged(String user) {
        return bearer(user, true, 86_400, STRANGER);
    }

    private static String bearer(String user, boolean admin, long expiresIn, KeyPair keys) {
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"sub\":\"%s\",\"preferred_username\":\"%s\",\"iat\":%d,\"exp\":%d%s}"
                .formatted(user, user, Math.min(now, now + expiresIn - 60), now + expiresIn,
                        admin ? ",\"roles\":[\"shingi-admin\"]" : ""));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
