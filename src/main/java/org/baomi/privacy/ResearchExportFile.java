package org.baomi.privacy;

/**
 * A de-identified research CSV (issue 6 item 3).
 *
 * @param fileName   file name (the request id only)
 * @param csv        UTF-8 CSV with a header line
 * @param rows       rows written
 * @param suppressed rows left out because their quasi-identifier group was smaller than {@link ResearchExports#K}
 */
public record ResearchExportFile(String fileName, byte[] csv, int rows, int suppressed) {
}
