package org.baomi.audit.internal.chain;

import java.nio.charset.StandardCharsets;

/**
 * A small JSON writer for evidence packages and archives (issue 8 items 6 and 8): keys in the order written, one
 * array element per line, strings escaped per RFC 8259 (control characters as \\u00XX, everything else as UTF-8),
 * so that the offline verifier's equally small parser reads it back without a library.
 */
final class JsonOut {

    private final StringBuilder out = new StringBuilder(64 * 1024);
    private boolean first = true;

    JsonOut begin() {
        comma();
        out.append('{');
        first = true;
        return this;
    }

    JsonOut end() {
        out.append('}');
        first = false;
        return this;
    }

    JsonOut beginArray(String name) {
        name(name);
        out.append('[');
        first = true;
        return this;
    }

    JsonOut endArray() {
        out.append(']');
        first = false;
        return this;
    }

    /** An object as the next element of an array, on a line of its own. */
    JsonOut element() {
        if (!first) {
            out.append(',');
        }
        out.append('\n');
        out.append('{');
        first = true;
        return this;
    }

    JsonOut field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        first = false;
        return this;
    }

    JsonOut field(String name, long value) {
        name(name);
        out.append(value);
        first = false;
        return this;
    }

    JsonOut field(String name, Long value) {
        name(name);
        out.append(value == null ? "null" : value.toString());
        first = false;
        return this;
    }

    JsonOut field(String name, boolean value) {
        name(name);
        out.append(value);
        first = false;
        return this;
    }

    JsonOut strings(String name, Iterable<String> values) {
        name(name);
        out.append('[');
        boolean f = true;
        for (String v : values) {
            if (!f) {
                out.append(',');
            }
            string(v);
            f = false;
        }
        out.append(']');
        first = false;
        return this;
    }

    JsonOut object(String name) {
        name(name);
        out.append('{');
        first = true;
        return this;
    }

    private void name(String name) {
        comma();
        string(name);
        out.append(':');
        first = true;
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    byte[] toBytes() {
        return (out + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
