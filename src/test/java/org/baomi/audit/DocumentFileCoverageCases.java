package org.baomi.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.document.CopyKind;
import org.baomi.document.Direction;
import org.baomi.document.DocumentDraft;
import org.baomi.document.DocumentFiles;
import org.baomi.document.DocumentFilter;
import org.baomi.document.DocumentPrints;
import org.baomi.document.DocumentRegister;
import org.baomi.document.FileSink;
import org.baomi.iam.internal.access.AccessChangeFeed;

/**
 * The audit coverage cases of documents' electronic files and prints (issue 5 items 2 and 5; AUD-1, DOC-3, DOC-9),
 * collected by {@link AuditCoverageTest}. The office person keeps each document they register, so they may change
 * and export it.
 */
final class DocumentFileCoverageCases {

    private DocumentFileCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            Case.recorded("DocumentFiles.upload", Who.OFFICE, "document.file.uploaded",
                    t -> upload(t, registered(t))),
            Case.recorded("DocumentFiles.download", Who.OFFICE, "document.file.downloaded", t -> {
                long document = registered(t);
                upload(t, document);
                t.bean(DocumentFiles.class).download(document, sink());
            }),
            Case.recorded("DocumentPrints.coverSheet", Who.OFFICE, "document.cover-sheet.printed",
                    t -> t.bean(DocumentPrints.class).coverSheet(registered(t), Locale.ENGLISH, sink())),
            Case.recorded("DocumentPrints.registerPages", Who.OFFICE, "document.register.printed", t -> {
                registered(t);
                t.bean(DocumentPrints.class).registerPages(DocumentFilter.firstPage(), Locale.ENGLISH, sink());
            }),
            Case.refused("DocumentPrints.copyPrint", Who.OFFICE, "document.copy.refused",
                    t -> t.bean(DocumentPrints.class).copyPrint(registered(t), CopyKind.COPY, Locale.ENGLISH,
                            sink())));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.of(
            "DocumentFiles.maxFileSize", "a configuration value (the upload limit) for the page's size check; reveals "
                    + "no document");

    private static FileSink sink() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return delivery -> out;
    }

    private static void upload(AuditCoverageTest t, long document) {
        byte[] content = "coverage file".getBytes(StandardCharsets.UTF_8);
        t.bean(DocumentFiles.class).upload(document, "coverage.txt", content.length,
                new ByteArrayInputStream(content));
    }

    private static long registered(AuditCoverageTest t) {
        long id = t.bean(DocumentRegister.class).register(new DocumentDraft(Direction.RECEIPT,
                "Coverage file " + System.nanoTime(), null, "Coverage unit", "MGMT-CONTRACT", null, null, 1,
                t.person(Who.OFFICE).staffNo(), null, null));
        t.bean(AccessChangeFeed.class).poll();
        return id;
    }
}
