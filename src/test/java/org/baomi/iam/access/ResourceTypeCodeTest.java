package org.baomi.iam.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.baomi.iam.ResourceRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The char-by-char check of resource type codes (issue 3, decision API speed) accepts exactly what the documented
 * pattern {@link ResourceRef#TYPE_FORMAT} accepts (ACC-1: a question about a malformed type is refused, never decided).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResourceTypeCodeTest {

    private static final String ALPHABET = "abcxyz09-AZ_ .:\n\u00e9/";

    @Test
    void the_check_agrees_with_the_pattern_on_edge_cases_ACC_1() {
        List<String> cases = List.of("", "a", "document", "patient", "archive-file", "a1-", "1a", "-a", "A", "aB",
                "doc ument", "doc\n", "a".repeat(40), "a".repeat(41), "b" + "-".repeat(39), "document:1", "\u00e9t\u00e9");
        for (String text : cases) {
            assertThat(ResourceRef.isTypeCode(text)).as(text).isEqualTo(ResourceRef.TYPE_FORMAT.matcher(text).matches());
        }
        assertThat(ResourceRef.isTypeCode(null)).isFalse();
    }

    @Test
    void the_check_agrees_with_the_pattern_on_random_texts_ACC_1() {
        Random random = new Random(20261122);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(44);
            for (int i = 0; i < length; i++) {
                // mostly valid characters, so that both answers occur often
                text.append(random.nextInt(10) < 8 ? ALPHABET.charAt(random.nextInt(7))
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            boolean expected = ResourceRef.TYPE_FORMAT.matcher(text).matches();
            assertThat(ResourceRef.isTypeCode(text.toString())).as(text.toString()).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).isBetween(1_000, 199_000);
    }
}
