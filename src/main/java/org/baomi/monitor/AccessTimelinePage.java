package org.baomi.monitor;

import java.util.List;

import org.baomi.shared.Paged;

/** A page of a timeline, newest first; {@code subject} is the person's or the patient's reference as shown. */
public record AccessTimelinePage(String subject, List<AccessTimelineRow> rows, long total, int page, int size)
        implements Paged {

    public AccessTimelinePage {
        rows = List.copyOf(rows);
    }
}
