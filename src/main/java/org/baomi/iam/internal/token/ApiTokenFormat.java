package org.baomi.iam.internal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The token format {@code bm_<prefix>_<secret>}: an 8-character lower-case prefix to recognise a token in
 * lists and logs, and 32 random bytes as 43 characters of unpadded base64url. Only the SHA-256 of the whole
 * token is stored; a lookup by hash needs no constant-time comparison, the hash hides the timing.
 */
public final class ApiTokenFormat {

    /** What a token looks like; anything else is refused before a database lookup. */
    public static final Pattern PATTERN = Pattern.compile("^bm_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$");

    private static final char[] PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenFormat() {
    }

    /** A new random token. */
    public static String generate() {
        StringBuilder token = new StringBuilder("bm_");
        for (int i = 0; i < 8; i++) {
            token.append(PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return token.append('_').append(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)).toString();
    }

    public static boolean looksValid(String token) {
        return token != null && token.length() == 55 && PATTERN.matcher(token).matches();
    }

    /** The displayable start of a token: {@code bm_} and the prefix. */
    public static String prefixOf(String token) {
        return token.substring(0, 11);
    }

    /** Lower-case hex SHA-256 of the whole token, as stored. */
    public static String hash(String token) {
        byte[] digest = SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest);
    }

    /** One digest per thread: looking the algorithm up on every API request showed in the decision API's profile. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
