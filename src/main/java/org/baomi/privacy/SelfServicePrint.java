package org.baomi.privacy;

/**
 * A printed fee list (ACC-5): a PDF watermarked with the patient's name, MRN, time and the copy's trace code.
 *
 * @param fileName  a file name for the download
 * @param pdf       the document
 * @param traceCode the copy's trace code as printed
 */
public record SelfServicePrint(String fileName, byte[] pdf, String traceCode) {
}
