package org.baomi.privacy;

/**
 * A watermarked PDF of a patient page (ACC-5), made for one person under one trace code.
 *
 * @param fileName  a file name without the patient's name or identifiers (the MRN and the trace code)
 * @param pdf       the PDF bytes; every page carries the reader's name, staff number, time and trace code
 * @param traceCode the copy's trace code as printed
 */
public record PatientExportFile(String fileName, byte[] pdf, String traceCode) {
}
