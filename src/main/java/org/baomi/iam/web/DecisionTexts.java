package org.baomi.iam.web;

import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.NeedToKnow;
import org.baomi.shared.SecretLevel;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Translated explanations and remedies of decisions for the API. An explanation depends only on its key, the two
 * levels, the basis and the language, a few thousand combinations at most, so each is translated once and kept:
 * a batch of a thousand decisions then costs a thousand map look-ups, not a thousand message formats.
 */
@Component
class DecisionTexts {

    private record Key(String messageKey, SecretLevel clearance, SecretLevel level, NeedToKnow basis, Locale locale) {
    }

    private final MessageSource messages;
    private final Map<Key, String> explanations = new ConcurrentHashMap<>();
    private final Map<Key, String> remedies = new ConcurrentHashMap<>();

    DecisionTexts(MessageSource messages) {
        this.messages = messages;
    }

    String explanation(AccessDecision decision, Locale locale) {
        Key key = new Key(decision.reasonKey(), decision.personClearance(), decision.objectLevel(), decision.basis(),
                locale);
        return explanations.computeIfAbsent(key, k -> messages.getMessage(decision.explanation(), locale));
    }

    String remedy(AccessDecision decision, Locale locale) {
        if (decision.remedyKey() == null) {
            return null;
        }
        return remedies.computeIfAbsent(new Key(decision.remedyKey(), null, null, null, locale),
                k -> messages.getMessage(decision.remedy(), locale));
    }

    /**
     * The API's language, as for its problem details: English when Accept-Language asks for it before Chinese,
     * Simplified Chinese otherwise (integration clients have no language cookie).
     */
    static Locale localeOf(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        Enumeration<Locale> locales = request.getLocales();
        while (locales.hasMoreElements()) {
            String language = locales.nextElement().getLanguage();
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(language)) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
