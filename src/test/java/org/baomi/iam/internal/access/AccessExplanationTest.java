package org.baomi.iam.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ResourceRef;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Decisions are explained to people in plain language (issue 3 item 2): the reason key with the person's clearance,
 * the object's level and the missing permission filled in, in both languages, and a remedy.
 */
class AccessExplanationTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private final AccessFixture fixture = AccessFixture.load("hospital");
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    AccessExplanationTest() {
        messages.setBasenames("messages/access", "messages/shared");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private AccessDecision decide(long person, ResourceRef ref) {
        return DecisionEngine.decide(fixture.model, AccessRequest.read(person, ref), fixture.now.toEpochMilli());
    }

    @Test
    void a_clearance_denial_names_both_levels_in_either_language_and_says_a_grant_will_not_help() {
        AccessDecision denied = decide(3, ResourceRef.document("D-HS-20"));
        String zh = messages.getMessage(denied.explanation(), ZH);
        assertThat(zh).contains(messages.getMessage("secret-level.SECRET", null, ZH))
                .contains(messages.getMessage("secret-level.HIGHLY_SECRET", null, ZH)).doesNotContain("{");
        String en = messages.getMessage(denied.explanation(), Locale.ENGLISH);
        assertThat(en).isEqualTo("Your clearance is " + messages.getMessage("secret-level.SECRET", null, Locale.ENGLISH)
                + "; this item is " + messages.getMessage("secret-level.HIGHLY_SECRET", null, Locale.ENGLISH)
                + ", above your clearance, so it cannot be accessed.");
        assertThat(messages.getMessage(denied.remedy(), Locale.ENGLISH)).contains("never raises a clearance");
    }

    @Test
    void a_permission_denial_names_the_missing_permission() {
        AccessDecision denied = decide(13, ResourceRef.document("D-PUB-10"));
        assertThat(messages.getMessage(denied.explanation(), Locale.ENGLISH)).endsWith("(document:document:read).");
        assertThat(messages.getMessage(denied.explanation(), ZH)).contains("document:document:read");
    }

    @Test
    void every_reason_and_remedy_the_engine_gives_has_a_message_in_both_languages() {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        fixture.model.forEachPerson(p -> fixture.model.types().forEach(type -> fixture.model.forEachObject(type, o -> {
            for (org.baomi.iam.AccessAction action : org.baomi.iam.AccessAction.values()) {
                AccessDecision d = DecisionEngine.decide(fixture.model, new AccessRequest(p.id(), action, o.ref()),
                        fixture.now.toEpochMilli());
                keys.add(d.reasonKey());
                if (d.remedyKey() != null) {
                    keys.add(d.remedyKey());
                }
            }
        })));
        assertThat(keys).hasSizeGreaterThan(15);
        for (String key : keys) {
            assertThat(messages.getMessage(key, new Object[] {"", "", "", ""}, null, ZH)).as(key).isNotNull();
            assertThat(messages.getMessage(key, new Object[] {"", "", "", ""}, null, Locale.ENGLISH)).as(key).isNotNull();
        }
    }
}
