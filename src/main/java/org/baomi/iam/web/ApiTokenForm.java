package org.baomi.iam.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The issue form of {@code /iam/api-tokens/new}: scopes ticked from the known list plus any typed one per
 * line. Rules are checked by {@code ApiTokenService}.
 */
record ApiTokenForm(String name, String client, List<String> scopes, String extraScopes, Integer lifetimeDays) {

    static final int DEFAULT_LIFETIME_DAYS = 90;

    static ApiTokenForm empty() {
        return new ApiTokenForm("", "", List.of(), "", DEFAULT_LIFETIME_DAYS);
    }

    Set<String> allScopes() {
        Set<String> all = new LinkedHashSet<>();
        if (scopes != null) {
            all.addAll(scopes);
        }
        if (extraScopes != null) {
            Arrays.stream(extraScopes.split("[\\s,]+")).filter(s -> !s.isBlank()).forEach(all::add);
        }
        return all;
    }
}
