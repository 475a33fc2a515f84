package org.baomi.portal.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.TraceIds;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts what the layout needs on every page: the person, the menu (grouped by area, the current page's entry marked),
 * the current path and the trace id.
 */
@ControllerAdvice
class LayoutAdvice {

    private final CurrentUser currentUser;
    private final Navigation navigation;

    LayoutAdvice(CurrentUser currentUser, Navigation navigation) {
        this.currentUser = currentUser;
        this.navigation = navigation;
    }

    // Spring runs an advice's model attributes before every handler, REST ones included; the API renders no page,
    // so it is spared the menu's permission checks (issue 3: the decision API's CPU per request).

    @ModelAttribute("me")
    StaffPrincipal me(HttpServletRequest request) {
        return WebExceptionHandler.isApi(request) ? null : currentUser.principal().orElse(null);
    }

    @ModelAttribute("menu")
    List<MenuGroup> menu(HttpServletRequest request) {
        return WebExceptionHandler.isApi(request) ? List.of()
                : navigation.menuAt(currentPath(request), request.getQueryString());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("traceId")
    String traceId(HttpServletRequest request) {
        return TraceIds.of(request);
    }
}
