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
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Translated explanations and remedies of decisions for the API. An explanation depends only on its key, the two
 * levels, the basis, the deciding step's detail (the missing permission) and the language, a few thousand
 * combinations in practice, so each is translated once and kept: a batch of a thousand decisions then costs a
 * thousand map look-ups, not a thousand message formats. Each text is kept as a Jackson {@link SerializedString},
 * which also keeps its quoted UTF-8 bytes once written, so that writing it again is a copy (most of a batch's answer
 * is these texts). The cache starts afresh past a bound, in case details ever carry ids.
 */
@Component
class DecisionTexts {

    private record Key(String messageKey, SecretLevel clearance, SecretLevel level, NeedToKnow basis, String detail,
            Locale locale) {
    }

    private static final int MAX_CACHED = 20_000;

    private final MessageSource messages;
    private final Map<Key, SerializedString> explanations = new ConcurrentHashMap<>();
    private final Map<Key, SerializedString> remedies = new ConcurrentHashMap<>();

    DecisionTexts(MessageSource messages) {
        this.messages = messages;
    }

    SerializableString explanation(AccessDecision decision, Locale locale) {
        Key key = new Key(decision.reasonKey(), decision.personClearance(), decision.objectLevel(), decision.basis(),
                lastDetail(decision), locale);
        SerializedString cached = explanations.get(key);
        if (cached != null) {
            return cached;
        }
        if (explanations.size() >= MAX_CACHED) {
            explanations.clear();
        }
        SerializedString text = new SerializedString(messages.getMessage(decision.explanation(), locale));
        explanations.put(key, text);
        return text;
    }

    /** The translated remedy, or null when the decision has none. */
    SerializableString remedy(AccessDecision decision, Locale locale) {
        if (decision.remedyKey() == null) {
            return null;
        }
        return remedies.computeIfAbsent(new Key(decision.remedyKey(), null, null, null, null, locale),
                k -> new SerializedString(messages.getMessage(decision.remedy(), locale)));
    }

    /** The detail of the deciding step, the explanation's fourth argument (see {@link AccessDecision#explanation()}). */
    private static String lastDetail(AccessDecision decision) {
        return decision.trail().isEmpty() ? null : decision.trail().get(decision.trail().size() - 1).detail();
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
