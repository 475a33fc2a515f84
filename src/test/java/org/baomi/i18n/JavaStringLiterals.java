package org.baomi.i18n;

import java.util.ArrayList;
import java.util.List;

/** Extracts the contents of string literals and text blocks from Java source, skipping comments and chars. */
final class JavaStringLiterals {

    private JavaStringLiterals() {
    }

    static List<String> of(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        literal.append(source, i, i + 2);
                        i += 2;
                    } else {
                        literal.append(source.charAt(i));
                        i++;
                    }
                }
                if (c == '"') {
                    literals.add(literal.toString());
                }
                i++;
            } else {
                i++;
            }
        }
        return literals;
    }
}
