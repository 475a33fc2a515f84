package org.baomi.audit;

/** File formats of the console's export. */
public enum AuditExportFormat {
    CSV("csv"), XLSX("xlsx");

    private final String extension;

    AuditExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
