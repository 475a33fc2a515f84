package org.baomi.shared;

import jakarta.servlet.http.HttpServletRequest;

/** The trace id of the current request, shown on error pages and in problem details. */
public final class TraceIds {

    public static final String REQUEST_ATTRIBUTE = "baomi.traceId";

    private TraceIds() {
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(REQUEST_ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}
