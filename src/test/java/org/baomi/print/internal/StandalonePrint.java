package org.baomi.print.internal;

import org.baomi.print.PdfDocuments;
import org.baomi.print.PdfWatermarks;
import org.baomi.print.Printables;

/** The print module's services without Spring, for benchmarks (the same objects the tests use). */
public final class StandalonePrint {

    private StandalonePrint() {
    }

    public static PdfWatermarks watermarks() {
        return PrintFixtures.EXPORTS;
    }

    public static PdfDocuments documents() {
        return PrintFixtures.EXPORTS;
    }

    public static Printables printables() {
        return PrintFixtures.PRINTABLES;
    }
}
