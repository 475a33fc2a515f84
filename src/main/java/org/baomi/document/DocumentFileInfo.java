package org.baomi.document;

/**
 * A document's electronic file as the register knows it.
 *
 * @param fileId    the vault's id of the file
 * @param replaced  the vault's id of the file it replaced (now shredded), or null
 */
public record DocumentFileInfo(long documentId, long fileId, String fileName, long size, String mediaType,
        Long replaced) {
}
