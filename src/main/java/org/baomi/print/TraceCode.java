package org.baomi.print;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * A trace code (issue 5 item 5, DOC-3): twelve characters of Crockford's base 32 (digits and capitals without I, L, O
 * and U), eleven random ones (55 bits from a {@link SecureRandom}, so codes cannot be guessed or enumerated) and a
 * check character. Printed in groups of four ({@code 7K2M-QX4P-9TRA}); typed back in any case, with or without
 * hyphens or spaces, with O read as 0 and I or L as 1.
 *
 * <p>The check character makes the weighted sum of all twelve values over GF(32) zero, with weight α^i at position
 * i (α a primitive element). Every single mistyped character and every swap of two characters (adjacent or not)
 * changes that sum, so {@link #parse} refuses them instead of finding someone else's copy.
 */
public final class TraceCode {

    /** Crockford's base-32 alphabet. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Length of a code without hyphens. */
    public static final int LENGTH = 12;
    private static final int RANDOM_CHARS = LENGTH - 1;

    /** GF(32) with the primitive polynomial x^5 + x^2 + 1: exponent and logarithm tables of α = x. */
    private static final int[] EXP = new int[62];
    private static final int[] LOG = new int[32];

    static {
        int x = 1;
        for (int i = 0; i < 31; i++) {
            EXP[i] = x;
            EXP[i + 31] = x;
            LOG[x] = i;
            x <<= 1;
            if ((x & 0x20) != 0) {
                x ^= 0x25;
            }
        }
    }

    private final String value;

    private TraceCode(String value) {
        this.value = value;
    }

    /** A new random code with its check character. */
    public static TraceCode random(SecureRandom random) {
        int[] v = new int[LENGTH];
        for (int i = 0; i < RANDOM_CHARS; i++) {
            v[i] = random.nextInt(32);
        }
        v[RANDOM_CHARS] = checkValue(v);
        StringBuilder s = new StringBuilder(LENGTH);
        for (int d : v) {
            s.append(ALPHABET.charAt(d));
        }
        return new TraceCode(s.toString());
    }

    /**
     * Reads a typed code: hyphens and white space are ignored, letters may be lower case, O is read as 0 and I or L
     * as 1.
     *
     * @return the code, or empty when it has the wrong length, a character outside the alphabet, or a wrong check
     *         character (a typo)
     */
    public static Optional<TraceCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = Character.toUpperCase(typed.charAt(i));
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            c = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(c) < 0 || s.length() == LENGTH) {
                return Optional.empty();
            }
            s.append(c);
        }
        if (s.length() != LENGTH) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            sum ^= mul(EXP[i], ALPHABET.indexOf(s.charAt(i)));
        }
        return sum == 0 ? Optional.of(new TraceCode(s.toString())) : Optional.empty();
    }

    /** The twelve characters without hyphens, as stored. */
    public String value() {
        return value;
    }

    /** The code as printed: three groups of four separated by hyphens. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    /** Makes sum(α^i · v_i) over all twelve positions zero: check = α^-11 · sum of the first eleven terms. */
    private static int checkValue(int[] v) {
        int sum = 0;
        for (int i = 0; i < RANDOM_CHARS; i++) {
            sum ^= mul(EXP[i], v[i]);
        }
        return sum == 0 ? 0 : EXP[(LOG[sum] - RANDOM_CHARS + 31) % 31];
    }

    private static int mul(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TraceCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return display();
    }
}
