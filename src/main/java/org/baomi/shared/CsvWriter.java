package org.baomi.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * CSV (RFC 4180) for people to open in a spreadsheet program: UTF-8 with a byte order mark, so that Chinese
 * text reads correctly, every cell quoted, lines ended by CRLF, and cells that a spreadsheet would run as a
 * formula defused with a leading apostrophe (CSV injection). Not thread-safe; one writer per file.
 */
public final class CsvWriter {

    /** The UTF-8 byte order mark. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final StringBuilder text = new StringBuilder(4096);

    /** Adds a line; a null cell is an empty one. */
    public CsvWriter line(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append('"').append(defused(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        text.append("\r\n");
        return this;
    }

    /** Adds a line; a null cell is an empty one. */
    public CsvWriter line(String... cells) {
        return line(Arrays.asList(cells));
    }

    /** The file: the byte order mark, then the lines in UTF-8. */
    public byte[] toBytes() {
        byte[] lines = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + lines.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(lines, 0, file, BOM.length, lines.length);
        return file;
    }

    /**
     * The value as a cell may hold it: empty for null, and with a leading apostrophe when a spreadsheet would
     * evaluate it (it starts with =, +, -, @, a tab or a carriage return).
     */
    public static String defused(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
