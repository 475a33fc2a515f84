package org.baomi.benchmark.print;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.baomi.print.PdfWatermarks;
import org.baomi.print.PrintableDocument;
import org.baomi.print.Printables;
import org.baomi.print.RegisterRow;
import org.baomi.print.TraceCode;
import org.baomi.print.Watermark;
import org.baomi.print.internal.StandalonePrint;

/**
 * Print benchmark (issue 5 item 5): stamps the watermark on a 100-page PDF and renders a 2,000-row register
 * (landscape, header repeated on every page), in process, single-threaded, in memory as in production. Prints the
 * median time of the measured runs, pages per second and the peak heap of each phase.
 *
 * <p>Usage: {@code benchmarks/print.sh [runs=5] [pages=100] [rows=2000]}
 */
public final class PrintBenchmark {

    private static final double STAMP_TARGET_MS = 3000;
    private static final double REGISTER_TARGET_MS = 10000;

    private PrintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        PdfWatermarks watermarks = StandalonePrint.watermarks();
        Printables printables = StandalonePrint.printables();
        TraceCode code = TraceCode.random(new SecureRandom());
        // reader 张三, level mark 机密★10年 (escaped: no non-ASCII literals in Java)
        Watermark mark = new Watermark("\u5f20\u4e09", "H0042", Instant.parse("2026-11-22T02:30:00Z"), code,
                "\u673a\u5bc6\u260510\u5e74");

        byte[] input = inputPdf(printables, pages);
        int inputPages = pageCount(input);
        System.out.printf("Input: %d pages of text, %,d KB%n", inputPages, input.length / 1024);

        Phase stamp = measure(runs, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 2);
            watermarks.stamp(new ByteArrayInputStream(input), mark, out);
            return out.toByteArray();
        });
        System.out.printf("Stamp %d pages: median %.0f ms (runs %s), %.0f pages/s, output %,d KB, peak heap %,d MB"
                + "   [target < %.0f ms]%n", inputPages, stamp.medianMs, stamp.runsMs(), inputPages * 1000 / stamp.medianMs,
                stamp.output.length / 1024, stamp.peakHeapMb, STAMP_TARGET_MS);

        List<RegisterRow> register = registerRows(rows);
        Phase render = measure(runs, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            printables.render(printables.registerPages(register, "\u673a\u5bc6\u260510\u5e74", code,
                    Locale.SIMPLIFIED_CHINESE), out);
            return out.toByteArray();
        });
        int registerPages = pageCount(render.output);
        System.out.printf("Register %,d rows -> %d pages: median %.0f ms (runs %s), %.0f pages/s, %,d rows/s, output "
                + "%,d KB, peak heap %,d MB   [target < %.0f ms]%n", rows, registerPages, render.medianMs,
                render.runsMs(), registerPages * 1000 / render.medianMs, (long) (rows * 1000 / render.medianMs),
                render.output.length / 1024, render.peakHeapMb, REGISTER_TARGET_MS);
        System.out.printf("JVM max heap %,d MB, %d cores; load average %.2f%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    interface Work {
        byte[] run() throws Exception;
    }

    record Phase(double medianMs, double[] ms, byte[] output, long peakHeapMb) {
        String runsMs() {
            return Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray());
        }
    }

    /** One warm-up run, then {@code runs} measured runs; peak heap over the measured runs. */
    static Phase measure(int runs, Work work) throws Exception {
        work.run();
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        double[] ms = new double[runs];
        byte[] output = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            output = work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Phase(sorted[runs / 2], ms, output, peak >> 20);
    }

    /** A text PDF of about {@code pages} pages, made with the module's own renderer (CJK text, embedded font). */
    static byte[] inputPdf(Printables printables, int pages) throws Exception {
        List<PrintableDocument.Block> blocks = new ArrayList<>();
        // about 20 two-line paragraphs fill an A4 page; make a few pages too many, then cut to the exact count
        for (int i = 0; i < pages * 25; i++) {
            blocks.add(new PrintableDocument.Paragraph("Paragraph " + i + " \u5173\u4e8e\u52a0\u5f3a\u75c5\u5386"
                    + "\u7ba1\u7406\u7684\u901a\u77e5 lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
                    + "eiusmod tempor incididunt ut labore et dolore magna aliqua."));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        printables.render(new PrintableDocument("Input", null, false, blocks, null, null, Locale.ENGLISH), out);
        byte[] pdf = out.toByteArray();
        int have = pageCount(pdf);
        if (have > pages) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                while (doc.getNumberOfPages() > pages) {
                    doc.removePage(doc.getNumberOfPages() - 1);
                }
                ByteArrayOutputStream trimmed = new ByteArrayOutputStream();
                doc.save(trimmed);
                return trimmed.toByteArray();
            }
        }
        return pdf;
    }

    static List<RegisterRow> registerRows(int n) {
        List<RegisterRow> rows = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String title = "\u5173\u4e8e\u52a0\u5f3a\u75c5\u5386\u7ba1\u7406\u7684\u901a\u77e5 No." + i
                    + (i % 10 == 0 ? " (annex: detailed rules for the storage of classified medical records)" : "");
            rows.add(new RegisterRow(String.format("R-2026-%05d", i), LocalDate.of(2026, 1, 1).plusDays(i % 330),
                    "\u5fc3\u5185\u79d1", title, "\u673a\u5bc6\u260510\u5e74", 1 + i % 3, "\u5f20\u4e09",
                    "\u4e00\u53f7\u4fdd\u5bc6\u67dc", "OK"));
        }
        return rows;
    }

    static int pageCount(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }
}
