package org.baomi.audit.internal.chain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL's text form of a {@code jsonb} value, predicted in Java so that {@link EntryWriter} can compute the
 * MAC without first asking the database (AUD-3). The prediction is never trusted: the INSERT stores the row only if
 * {@code CAST(text AS jsonb)::text} equals it, and otherwise the writer asks the database. Rules of PostgreSQL's
 * jsonb output: object keys ordered by byte length, then bytewise, the last of duplicate keys kept; {@code ": "} and
 * {@code ", "} as separators; strings escaped as {@code escape_json} does. Numbers other than integers are not
 * predicted (PostgreSQL's numeric rendering differs from Java's): {@code null} is returned.
 */
final class JsonbText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Comparator<String> KEY_ORDER = Comparator
            .comparingInt((String key) -> key.getBytes(StandardCharsets.UTF_8).length)
            .thenComparing((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));

    private JsonbText() {
    }

    /** @return the predicted text, or {@code null} when it cannot be predicted safely */
    static String predict(String json) {
        if (json == null) {
            return null;
        }
        try {
            StringBuilder out = new StringBuilder(json.length() + 16);
            return write(JSON.readTree(json), out) ? out.toString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean write(JsonNode node, StringBuilder out) {
        if (node == null || node.isMissingNode()) {
            return false;
        }
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey(KEY_ORDER));
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                string(fields.get(i).getKey(), out);
                out.append(": ");
                if (!write(fields.get(i).getValue(), out)) {
                    return false;
                }
            }
            out.append('}');
            return true;
        }
        if (node.isArray()) {
            out.append('[');
            int i = 0;
            for (JsonNode element : node.values()) {
                if (i++ > 0) {
                    out.append(", ");
                }
                if (!write(element, out)) {
                    return false;
                }
            }
            out.append(']');
            return true;
        }
        if (node.isString()) {
            string(node.stringValue(), out);
            return true;
        }
        if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
            return true;
        }
        if (node.isBoolean()) {
            out.append(node.booleanValue());
            return true;
        }
        if (node.isNull()) {
            out.append("null");
            return true;
        }
        return false;
    }

    /** As PostgreSQL's {@code escape_json}. */
    private static void string(String value, StringBuilder out) {
        if (value.indexOf('\u0000') >= 0) {
            throw new JsonbUnpredictable();
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < ' ') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A value PostgreSQL's jsonb would refuse (NUL in text); the database path reports it. */
    private static final class JsonbUnpredictable extends RuntimeException {
        JsonbUnpredictable() {
            super(null, null, false, false);
        }
    }
}
