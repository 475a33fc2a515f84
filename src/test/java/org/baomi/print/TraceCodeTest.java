package org.baomi.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Trace codes (issue 5 item 5): short, typeable, random, and the check character catches every single typo and
 * every swap of two characters, so a mistyped code never finds someone else's copy.
 */
class TraceCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aCodeIsTwelveCrockfordCharactersPrintedInGroupsOfFourAndReadBack() {
        TraceCode code = TraceCode.random(random);
        assertThat(code.value()).hasSize(12).matches("[0-9A-HJKMNP-TV-Z]{12}");
        assertThat(code.display()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(TraceCode.parse(code.display())).contains(code);
        assertThat(TraceCode.parse(code.value())).contains(code);
        assertThat(TraceCode.parse(" " + code.display().toLowerCase() + " ")).contains(code);
        assertThat(TraceCode.parse(code.value().substring(0, 4) + " " + code.value().substring(4))).contains(code);
    }

    @Test
    void lettersThatLookLikeDigitsAreReadAsTheDigits() {
        // find a code containing 0 and 1, then type it with O and l
        TraceCode code;
        do {
            code = TraceCode.random(random);
        } while (code.value().indexOf('0') < 0 || code.value().indexOf('1') < 0);
        String typed = code.value().replace('0', 'O').replace('1', 'l');
        assertThat(TraceCode.parse(typed)).contains(code);
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        for (int n = 0; n < 200; n++) {
            String value = TraceCode.random(random).value();
            for (int i = 0; i < 12; i++) {
                for (char c : TraceCode.ALPHABET.toCharArray()) {
                    if (c != value.charAt(i)) {
                        String typo = value.substring(0, i) + c + value.substring(i + 1);
                        assertThat(TraceCode.parse(typo)).as(value + " typed as " + typo).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void everySwapOfTwoDifferentCharactersIsCaught() {
        for (int n = 0; n < 500; n++) {
            String value = TraceCode.random(random).value();
            for (int i = 0; i < 12; i++) {
                for (int j = i + 1; j < 12; j++) {
                    if (value.charAt(i) != value.charAt(j)) {
                        char[] swapped = value.toCharArray();
                        swapped[i] = value.charAt(j);
                        swapped[j] = value.charAt(i);
                        assertThat(TraceCode.parse(new String(swapped))).as(value + " swapped " + i + "," + j)
                                .isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void wrongLengthsAndForeignCharactersAreNoCodes() {
        String value = TraceCode.random(random).value();
        assertThat(TraceCode.parse(value.substring(1))).isEmpty();
        assertThat(TraceCode.parse(value + "0")).isEmpty();
        assertThat(TraceCode.parse(value.substring(0, 11) + "U")).isEmpty();
        assertThat(TraceCode.parse(value.substring(0, 11) + "*")).isEmpty();
        assertThat(TraceCode.parse("")).isEmpty();
        assertThat(TraceCode.parse(null)).isEmpty();
    }

    @Test
    void randomCodesDoNotRepeatAndUseTheWholeAlphabet() {
        Set<String> codes = new HashSet<>();
        int[] seen = new int[32];
        for (int i = 0; i < 100_000; i++) {
            String value = TraceCode.random(random).value();
            codes.add(value);
            seen[TraceCode.ALPHABET.indexOf(value.charAt(new Random(i).nextInt(11)))]++;
        }
        assertThat(codes).hasSize(100_000);
        for (int count : seen) {
            assertThat(count).as("each character appears").isGreaterThan(100_000 / 32 / 2);
        }
    }

    @Test
    void onlyOneCheckCharacterFitsElevenRandomCharacters() {
        String value = TraceCode.random(random).value();
        int valid = 0;
        for (char c : TraceCode.ALPHABET.toCharArray()) {
            if (TraceCode.parse(value.substring(0, 11) + c).isPresent()) {
                valid++;
            }
        }
        assertThat(valid).isEqualTo(1);
    }
}
