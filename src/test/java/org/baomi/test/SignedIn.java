package org.baomi.test;

import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signs a person into the security context of the current thread, as a web request would after a completed
 * login, for tests that call a module API directly. Take the authentication from
 * {@link TestAccounts#authenticationOf}.
 */
public final class SignedIn {

    private SignedIn() {
    }

    /** Signs in on the current thread until {@link #out()} or the next sign-in. */
    public static void as(Authentication person) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(person);
        SecurityContextHolder.setContext(context);
    }

    /** Runs the action as the person and then restores whoever was signed in before. */
    public static <T> T as(Authentication person, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        as(person);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}
