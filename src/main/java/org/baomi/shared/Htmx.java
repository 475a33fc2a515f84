package org.baomi.shared;

import jakarta.servlet.http.HttpServletRequest;

/** What an htmx request asks of a page handler (request headers: https://htmx.org/reference/#request_headers). */
public final class Htmx {

    private Htmx() {
    }

    /**
     * Whether only the part of the page that htmx swaps in is wanted: an htmx request, but not htmx restoring
     * a page of the browser history that it no longer holds, which needs the whole page.
     */
    public static boolean wantsPart(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null;
    }
}
