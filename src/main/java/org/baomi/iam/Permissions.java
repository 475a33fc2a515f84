package org.baomi.iam;

import java.util.regex.Pattern;

/** Permission strings {@code module:resource:action} (ACC-2) and their matching rule. */
public final class Permissions {

    /** Lower-case segments; {@code *} allowed as a whole segment in the resource and action parts. */
    public static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9-]*:([a-z][a-z0-9-]*|\\*):([a-z][a-z0-9-]*|\\*)$");

    /**
     * Administrative permissions outside those namespaces: managing the vault's master keys (issue 5 item 5) is key
     * management, a security administrator's duty, and reaches no document (keys wrap data keys; no content is
     * decrypted by rotating, re-wrapping or retiring them).
     */
    private static final java.util.Set<String> ADMINISTRATIVE_ELSEWHERE = java.util.Set.of("vault:master-key:manage");

    /**
     * Modules whose content is business content (ORG-5): no administrator role may hold a permission in them.
     * Administrator permissions live in {@code iam}, {@code audit} and {@code system}, plus the few named in
     * {@link #ADMINISTRATIVE_ELSEWHERE}.
     */
    public static boolean isAdministrative(String permission) {
        String module = permission.substring(0, permission.indexOf(':'));
        return module.equals("iam") || module.equals("audit") || module.equals("system")
                || ADMINISTRATIVE_ELSEWHERE.contains(permission);
    }

    public static boolean isValid(String permission) {
        return permission != null && FORMAT.matcher(permission).matches();
    }

    static boolean covers(String held, String wanted) {
        String[] h = held.split(":");
        String[] w = wanted.split(":");
        if (h.length != 3 || w.length != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (!h[i].equals("*") && !h[i].equals(w[i])) {
                return false;
            }
        }
        return true;
    }

    private Permissions() {
    }
}
