package org.baomi.iam.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiTokenFormatTest {

    @Test
    void a_token_is_bm_an_8_character_prefix_and_43_characters_of_base64url_from_32_random_bytes() {
        String token = ApiTokenFormat.generate();

        assertThat(token).hasSize(55).matches("bm_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
        assertThat(ApiTokenFormat.looksValid(token)).isTrue();
        assertThat(ApiTokenFormat.prefixOf(token)).isEqualTo(token.substring(0, 11)).startsWith("bm_");
    }

    @Test
    void tokens_do_not_repeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(ApiTokenFormat.generate());
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void the_stored_hash_is_the_lower_case_hex_sha256_of_the_whole_token() {
        assertThat(ApiTokenFormat.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void anything_not_shaped_like_a_token_is_refused_before_a_lookup() {
        assertThat(ApiTokenFormat.looksValid(null)).isFalse();
        assertThat(ApiTokenFormat.looksValid("")).isFalse();
        assertThat(ApiTokenFormat.looksValid("bm_ABCDEFGH_" + "a".repeat(43))).isFalse();
        assertThat(ApiTokenFormat.looksValid("bm_abcdefgh_" + "a".repeat(42))).isFalse();
        assertThat(ApiTokenFormat.looksValid("bm_abcdefgh_" + "a".repeat(42) + "=")).isFalse();
        assertThat(ApiTokenFormat.looksValid("bm_abcdefgh_" + "a".repeat(43) + "\n")).isFalse();
    }
}
