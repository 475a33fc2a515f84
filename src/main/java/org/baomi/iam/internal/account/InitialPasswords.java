package org.baomi.iam.internal.account;

import java.security.SecureRandom;

import org.baomi.iam.internal.login.PasswordPolicy;
import org.springframework.stereotype.Component;

/**
 * Random initial passwords (ACC-2, ACC-7): 16 characters from an alphabet without look-alikes (0/O, 1/l/I),
 * with every character class present, checked against the password policy. About 94 bits of entropy.
 */
@Component
class InitialPasswords {

    static final int LENGTH = 16;
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+=?@*-";
    private static final String ALL = LOWER + UPPER + DIGITS + SYMBOLS;

    private final SecureRandom random = new SecureRandom();
    private final PasswordPolicy policy;

    InitialPasswords(PasswordPolicy policy) {
        this.policy = policy;
    }

    String generate(String staffNo) {
        while (true) {
            char[] chars = new char[LENGTH];
            chars[0] = pick(LOWER);
            chars[1] = pick(UPPER);
            chars[2] = pick(DIGITS);
            chars[3] = pick(SYMBOLS);
            for (int i = 4; i < LENGTH; i++) {
                chars[i] = pick(ALL);
            }
            for (int i = LENGTH - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                char t = chars[i];
                chars[i] = chars[j];
                chars[j] = t;
            }
            String candidate = new String(chars);
            if (policy.check(candidate, staffNo).isEmpty()) {
                return candidate;
            }
        }
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
