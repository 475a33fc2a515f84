package org.baomi.iam.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds {@code ?a=1&b=2} with form encoding (so that "+" and "&" in search text survive the round trip). */
final class QueryString {

    private final StringBuilder query = new StringBuilder();

    QueryString add(String name, Object value) {
        if (value != null) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
        return this;
    }

    @Override
    public String toString() {
        return query.toString();
    }
}
