package org.baomi.portal.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.CurrentUser;
import org.baomi.shared.MenuEntry;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.TraceIds;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs on every page: the person, the menu, the current path and the trace id. */
@ControllerAdvice
class LayoutAdvice {

    private final CurrentUser currentUser;
    private final Navigation navigation;

    LayoutAdvice(CurrentUser currentUser, Navigation navigation) {
        this.currentUser = currentUser;
        this.navigation = navigation;
    }

    @ModelAttribute("me")
    StaffPrincipal me() {
        return currentUser.principal().orElse(null);
    }

    @ModelAttribute("menu")
    List<MenuEntry> menu() {
        return navigation.menu();
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
