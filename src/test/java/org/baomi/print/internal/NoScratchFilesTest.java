package org.baomi.print.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.baomi.print.TraceCode;
import org.junit.jupiter.api.Test;

/**
 * DOC-9: stamping, rendering printables and text never writes a scratch or temporary file. File creation is watched
 * with the operating system's file events (so a file created and deleted at once is still seen), both in a fresh
 * {@code java.io.tmpdir} set for the test and, for PDFBox's own scratch-file names, in the machine's temp directory.
 */
class NoScratchFilesTest {

    @Test
    void watermarkingAndRenderingCreateNoFileInTheTempDirectory() throws Exception {
        String originalTmp = System.getProperty("java.io.tmpdir");
        Path machineTmp = Path.of(originalTmp);
        Path freshTmp = Files.createTempDirectory("baomi-print-tmp");
        TraceCode code = PrintFixtures.newCode();
        byte[] bigPdf = PrintFixtures.pdf(doc -> {
            for (int i = 0; i < 30; i++) {
                PrintFixtures.page(doc, PDRectangle.A4, i % 4 * 90);
            }
        });
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            WatchKey freshKey = freshTmp.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            WatchKey machineKey = machineTmp.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            System.setProperty("java.io.tmpdir", freshTmp.toString());
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PrintFixtures.EXPORTS.stamp(new ByteArrayInputStream(bigPdf), PrintFixtures.watermark(code), out);
                assertThat(out.size()).isPositive();
                PrintFixtures.PRINTABLES.render(PrintFixtures.PRINTABLES.registerPages(PrintablesTest.rows(300),
                        PrintFixtures.LEVEL_MARK, code, Locale.ENGLISH).withWatermark(PrintFixtures.watermark(code)),
                        new ByteArrayOutputStream());
                PrintFixtures.EXPORTS.renderText("t", List.of("x".repeat(5000)), PrintFixtures.watermark(code),
                        new ByteArrayOutputStream());
            } finally {
                System.setProperty("java.io.tmpdir", originalTmp);
            }
            List<String> fresh = drain(freshKey);
            List<String> pdfbox = drain(machineKey).stream()
                    .filter(name -> name.startsWith("PDFBox") || name.startsWith("+~JF")).toList();
            assertThat(fresh).as("files created in java.io.tmpdir").isEmpty();
            assertThat(pdfbox).as("PDFBox scratch files in the machine's temp directory").isEmpty();

            // the watch itself works: a file created here is seen
            Files.delete(Files.createTempFile(freshTmp, "probe", ".tmp"));
            List<String> probe = new ArrayList<>();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (probe.isEmpty() && System.nanoTime() < deadline) {
                probe.addAll(drain(freshKey));
            }
            assertThat(probe).anyMatch(name -> name.startsWith("probe"));
        } finally {
            Files.deleteIfExists(freshTmp);
        }
    }

    private static List<String> drain(WatchKey key) {
        List<String> names = new ArrayList<>();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path p) {
                names.add(p.toString());
            }
        }
        return names;
    }

}
