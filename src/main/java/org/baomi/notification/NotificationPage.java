package org.baomi.notification;

import java.util.List;

import org.baomi.shared.Paged;

/** A page of the current person's notifications, newest first, with the number of all that match the filter. */
public record NotificationPage(List<NotificationView> items, NotificationFilter filter, long total, int page, int size)
        implements Paged {

    public NotificationPage {
        items = List.copyOf(items);
    }
}
