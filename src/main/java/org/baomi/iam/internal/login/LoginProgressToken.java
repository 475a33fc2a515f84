package org.baomi.iam.internal.login;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A session whose password is verified but whose login is not complete: it holds only the authority of its
 * next step, so it reaches nothing but that step's page.
 */
public final class LoginProgressToken extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String staffNo;
    private final EnumSet<LoginStep> done;
    private final LoginStep next;

    public LoginProgressToken(long accountId, String staffNo, Set<LoginStep> done, LoginStep next) {
        super(List.of(new SimpleGrantedAuthority(next.authority())));
        this.accountId = accountId;
        this.staffNo = staffNo;
        this.done = done.isEmpty() ? EnumSet.noneOf(LoginStep.class) : EnumSet.copyOf(done);
        this.next = next;
        setAuthenticated(true);
    }

    public long accountId() {
        return accountId;
    }

    public LoginStep next() {
        return next;
    }

    public Set<LoginStep> done() {
        return EnumSet.copyOf(done.isEmpty() ? EnumSet.noneOf(LoginStep.class) : done);
    }

    public boolean hasDone(LoginStep step) {
        return done.contains(step);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return staffNo;
    }

    @Override
    public String getName() {
        return staffNo;
    }
}
