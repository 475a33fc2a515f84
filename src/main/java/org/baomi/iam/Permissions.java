package org.baomi.iam;

import java.util.regex.Pattern;

/** Permission strings {@code module:resource:action} (ACC-2) and their matching rule. */
public final class Permissions {

    /** Lower-case segments; {@code *} allowed as a whole segment in the resource and action parts. */
    public static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9-]*:([a-z][a-z0-9-]*|\\*):([a-z][a-z0-9-]*|\\*)$");

    /**
     * Modules whose content is business content (ORG-5): no administrator role may hold a permission in them.
     * Administrator permissions live in {@code iam}, {@code audit} and {@code system}.
     */
    public static boolean isAdministrative(String permission) {
        String module = permission.substring(0, permission.indexOf(':'));
        return module.equals("iam") || module.equals("audit") || module.equals("system");
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
