package org.baomi.privacy.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Chinese resident ID numbers (GB 11643-1999): 18 characters, the last an ISO 7064 MOD 11-2 check character. */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private IdNumbers() {
    }

    /** The check character of the first 17 digits. */
    static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Whether the number is well-formed: 17 digits, a valid birth date and the right check character. */
    static boolean valid(String number) {
        if (number == null || number.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(number.charAt(i)) || number.charAt(i) > '9') {
                return false;
            }
        }
        if (birthDate(number) == null) {
            return false;
        }
        return Character.toUpperCase(number.charAt(17)) == checkCharacter(number);
    }

    /** The birth date encoded in a number (characters 7..14), or null. */
    static LocalDate birthDate(String number) {
        try {
            return LocalDate.parse(number.substring(6, 14), BIRTH);
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** A valid number for a region code (6 digits), birth date and sequence (0..999). */
    static String make(String region, LocalDate birth, int sequence) {
        String first17 = region + birth.format(BIRTH) + String.format(java.util.Locale.ROOT, "%03d", sequence);
        return first17 + checkCharacter(first17);
    }
}
