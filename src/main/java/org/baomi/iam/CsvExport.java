package org.baomi.iam;

/** A CSV file to download: UTF-8 with a byte order mark, so that Excel opens Chinese text correctly. */
public record CsvExport(String filename, byte[] content, int rows) {

    public CsvExport {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
