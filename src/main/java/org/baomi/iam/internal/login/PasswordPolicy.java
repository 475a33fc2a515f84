package org.baomi.iam.internal.login;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.baomi.iam.internal.IamSecurityProperties;
import org.springframework.stereotype.Component;

/**
 * Password rules of ACC-7: length, character classes, a list of common passwords, no user name inside.
 * History is checked by the caller, which holds the hashes.
 */
@Component
public class PasswordPolicy {

    /** One broken rule: a message key and its arguments. */
    public record Violation(String key, Object... args) {
    }

    private final IamSecurityProperties.Password rules;
    private final Set<String> common;

    PasswordPolicy(IamSecurityProperties properties) {
        this.rules = properties.password();
        this.common = loadCommonPasswords();
    }

    public List<Violation> check(String password, String staffNo) {
        List<Violation> violations = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            violations.add(new Violation("iam.password.required"));
            return violations;
        }
        int length = password.codePointCount(0, password.length());
        if (length < rules.minLength()) {
            violations.add(new Violation("iam.password.too-short", rules.minLength()));
        }
        if (length > rules.maxLength()) {
            violations.add(new Violation("iam.password.too-long", rules.maxLength()));
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("iam.password.control-characters"));
        }
        if (characterClasses(password) < rules.minClasses()) {
            violations.add(new Violation("iam.password.too-few-classes", rules.minClasses()));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            violations.add(new Violation("iam.password.common"));
        }
        if (staffNo != null && !staffNo.isBlank() && lower.contains(staffNo.strip().toLowerCase(Locale.ROOT))) {
            violations.add(new Violation("iam.password.contains-username"));
        }
        return violations;
    }

    public int commonPasswordCount() {
        return common.size();
    }

    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int cp : password.codePoints().toArray()) {
            if (Character.isLowerCase(cp) && cp < 128) {
                lower = true;
            } else if (Character.isUpperCase(cp) && cp < 128) {
                upper = true;
            } else if (Character.isDigit(cp) && cp < 128) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> set = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/iam/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("iam/common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    set.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
