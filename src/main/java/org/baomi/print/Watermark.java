package org.baomi.print;

import java.time.Instant;
import java.util.Objects;

/**
 * What a watermarked copy says about itself (issue 5 item 5): who received it, when, and its trace code, plus the
 * level mark of the content (CLS-5). The time is shown in the hospital's zone (the application clock's zone).
 *
 * @param readerName full name of the person the copy is made for
 * @param staffNo    their staff number
 * @param issuedAt   when the copy was made
 * @param traceCode  the copy's trace code, issued by {@link TraceCodes#issue} for this export
 * @param levelMark  the level mark as printed on the content ("机密★10年"), or null for content without one
 */
public record Watermark(String readerName, String staffNo, Instant issuedAt, TraceCode traceCode, String levelMark) {

    public Watermark {
        Objects.requireNonNull(readerName, "readerName");
        Objects.requireNonNull(staffNo, "staffNo");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(traceCode, "traceCode");
    }
}
