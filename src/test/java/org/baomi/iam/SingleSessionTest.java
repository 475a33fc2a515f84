package org.baomi.iam;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional single-session rule (ACC-7): with it on, signing in ends the person's other sessions. It needs a
 * context of its own (the rule is read at start-up), so this is the only test that runs with it.
 */
@BaomiSpringTest
@TestPropertySource(properties = "baomi.security.session.single-session=true")
class SingleSessionTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;

    @Test
    void signingInOnASecondBrowserEndsTheFirstSession_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        WebSession first = new WebSession(port).signIn(person, accounts);
        WebSession second = new WebSession(port).signIn(person, accounts);

        assertThat(second.get("/").status()).isEqualTo(200);
        WebSession.Page firstAgain = first.get("/");
        assertThat(firstAgain.status()).isEqualTo(302);
        assertThat(firstAgain.location()).contains("/login");
    }

    @Test
    void anotherPersonsSessionIsNotAffected_ACC7() {
        TestAccounts.Created one = accounts.create(TestAccounts.person());
        TestAccounts.Created other = accounts.create(TestAccounts.person());
        WebSession first = new WebSession(port).signIn(one, accounts);
        new WebSession(port).signIn(other, accounts);
        assertThat(first.get("/").status()).isEqualTo(200);
    }
}
