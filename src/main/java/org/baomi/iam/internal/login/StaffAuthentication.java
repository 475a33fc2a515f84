package org.baomi.iam.internal.login;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.StaffPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A completed login: the person, their permissions as authorities, and when they signed in. */
public final class StaffAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;
    /** Held by every completed login; pages of the application require it. */
    public static final String LOGIN_COMPLETE = "LOGIN_COMPLETE";

    private final StaffPrincipal principal;
    private final Instant signedInAt;

    public StaffAuthentication(StaffPrincipal principal, Instant signedInAt) {
        super(authorities(principal));
        this.principal = principal;
        this.signedInAt = signedInAt;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(StaffPrincipal principal) {
        List<GrantedAuthority> list = new ArrayList<>();
        list.add(new SimpleGrantedAuthority(LOGIN_COMPLETE));
        principal.permissions().forEach(p -> list.add(new SimpleGrantedAuthority(p)));
        if (principal.adminKind() != null) {
            list.add(new SimpleGrantedAuthority("ADMIN_" + principal.adminKind().name()));
        }
        return list;
    }

    public Instant signedInAt() {
        return signedInAt;
    }

    @Override
    public StaffPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.staffNo();
    }
}
