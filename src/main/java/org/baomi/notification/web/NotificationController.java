package org.baomi.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.baomi.notification.MailOutbox;
import org.baomi.notification.NotificationFilter;
import org.baomi.notification.NotificationPage;
import org.baomi.notification.NotificationView;
import org.baomi.notification.Notifications;
import org.baomi.shared.Htmx;
import org.baomi.shared.Notice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification centre's screens (issue 4 item 5): the bell's count (polled by htmx), the person's own list
 * with an unread/all filter, opening one (marked read, then its link followed), marking all read; and the e-mail
 * outbox for the system administrator. {@link Notifications} keeps everyone to their own notifications.
 */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    static final int PAGE_SIZE = 20;
    /** htmx event after a change of the unread count: the bell refreshes at once. */
    static final String CHANGED_EVENT = "notifications-changed";

    private final Notifications notifications;
    private final MailOutbox outbox;

    NotificationController(Notifications notifications, MailOutbox outbox) {
        this.notifications = notifications;
        this.outbox = outbox;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "ALL") NotificationFilter filter,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
        NotificationPage results = notifications.list(filter, page, PAGE_SIZE);
        model.addAttribute("results", results);
        model.addAttribute("filter", results.filter());
        model.addAttribute("filters", NotificationFilter.values());
        model.addAttribute("unread", notifications.unreadCount());
        return Htmx.wantsPart(request) ? "notification/list :: results" : "notification/list";
    }

    /** The bell's count: one indexed count; polled every minute, so it is a tiny fragment. */
    @GetMapping("/badge")
    String badge(Model model) {
        model.addAttribute("unread", notifications.unreadCount());
        return "notification/badge :: count";
    }

    /** Opening marks it read and follows its link (a path inside Baomi, checked when it was written). */
    @PostMapping("/{id}/open")
    String open(@PathVariable long id) {
        NotificationView opened = notifications.markRead(id);
        return "redirect:" + opened.link();
    }

    @PostMapping("/read-all")
    String readAll(@RequestParam(defaultValue = "ALL") NotificationFilter filter, RedirectAttributes redirect,
            HttpServletResponse response) {
        int marked = notifications.markAllRead();
        redirect.addFlashAttribute("notice", marked == 0 ? Notice.success("notification.read-all.none")
                : Notice.success("notification.read-all.done", marked));
        response.setHeader("HX-Trigger", CHANGED_EVENT);
        return "redirect:/notifications?filter=" + filter.name();
    }

    @GetMapping("/outbox")
    String outbox(Model model) {
        model.addAttribute("outbox", outbox.overview());
        return "notification/outbox";
    }
}
