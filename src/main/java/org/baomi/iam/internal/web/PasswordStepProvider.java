package org.baomi.iam.internal.web;

import org.baomi.iam.internal.login.LoginService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** The password step of the form login; later steps are pages of {@code LoginController}. */
@Component
class PasswordStepProvider implements AuthenticationProvider {

    private final LoginService loginService;

    PasswordStepProvider(LoginService loginService) {
        this.loginService = loginService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String source = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        Object credentials = authentication.getCredentials();
        return loginService.verifyPassword(authentication.getName(), credentials == null ? null : credentials.toString(),
                source == null ? "unknown" : source);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
