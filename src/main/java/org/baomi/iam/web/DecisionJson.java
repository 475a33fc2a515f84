package org.baomi.iam.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.RuleStep;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision API's JSON, read and written with Jackson's streaming parser and generator instead of data binding
 * (issue 3 item 5: at least 200,000 decisions/s in batches): the profile of a batch of a thousand showed the reflective
 * mapping of each question and answer among the largest costs of the request. Same contract as the records
 * {@link AccessDecisionRequest} and {@link AccessDecisionResponse} document (and the API documentation shows):
 * unknown properties are ignored, strings may also be given as numbers, ids as numbers or numeric strings, and
 * anything else that is not the documented shape (an object where a string belongs, a single object for a batch,
 * broken JSON) is a malformed request, 400 {@code error.malformed-request}, as before.
 */
@Component
class DecisionJson {

    /** Bytes of an answer, about: the first guess of the buffer of a batch's answers. */
    private static final int ANSWER_BYTES = 512;
    /** Distinct rule steps kept; a few hundred in practice (rules times details), the bound is for safety. */
    private static final int MAX_STEPS = 20_000;

    private final JsonMapper json;
    private final DecisionTexts texts;
    /** Each rule step's trail text, kept with its quoted UTF-8 bytes (steps repeat across decisions). */
    private final Map<RuleStep, SerializedString> steps = new ConcurrentHashMap<>();

    DecisionJson(JsonMapper json, DecisionTexts texts) {
        this.json = json;
        this.texts = texts;
    }

    /** One question: a JSON object, or {@code null} (which the validation reports as a missing body). */
    AccessDecisionRequest readQuestion(byte[] body, HttpServletRequest http) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw malformed("a JSON object expected", null, http);
            }
            return question(parser, http);
        } catch (JacksonException e) {
            throw malformed("unreadable JSON", e, http);
        }
    }

    /**
     * The questions of a batch, in order ({@code null} items kept, for validation to name); stops reading at
     * {@code limit + 1} items, the caller refuses that many.
     */
    List<AccessDecisionRequest> readBatch(byte[] body, int limit, HttpServletRequest http) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.START_ARRAY) {
                throw malformed("a JSON array expected", null, http);
            }
            List<AccessDecisionRequest> items = new ArrayList<>(Math.min(limit + 1, body.length / 40 + 1));
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == JsonToken.VALUE_NULL) {
                    items.add(null);
                } else if (token == JsonToken.START_OBJECT) {
                    items.add(question(parser, http));
                } else {
                    throw malformed("a JSON object expected as item " + items.size(), null, http);
                }
                if (items.size() > limit) {
                    break;
                }
            }
            return items;
        } catch (JacksonException e) {
            throw malformed("unreadable JSON", e, http);
        }
    }

    private AccessDecisionRequest question(JsonParser parser, HttpServletRequest http) {
        String staffNo = null;
        Long personId = null;
        String action = null;
        String resourceType = null;
        String resourceId = null;
        String purpose = null;
        Long breakGlassId = null;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "staffNo" -> staffNo = text(parser, value, http);
                case "personId" -> personId = id(parser, value, http);
                case "action" -> action = text(parser, value, http);
                case "resourceType" -> resourceType = text(parser, value, http);
                case "resourceId" -> resourceId = text(parser, value, http);
                case "purpose" -> purpose = text(parser, value, http);
                case "breakGlassId" -> breakGlassId = id(parser, value, http);
                default -> parser.skipChildren();
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw malformed("a property name expected", null, http);
        }
        return new AccessDecisionRequest(staffNo, personId, action, resourceType, resourceId, purpose, breakGlassId);
    }

    private static String text(JsonParser parser, JsonToken value, HttpServletRequest http) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isScalarValue()) {
            return parser.getValueAsString();
        }
        throw malformed("a string expected for " + parser.currentName(), null, http);
    }

    private static Long id(JsonParser parser, JsonToken value, HttpServletRequest http) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            String text = parser.getString().strip();
            if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(text);
            }
        }
        throw malformed("a whole number expected for " + parser.currentName(), null, http);
    }

    /** The answer to one question. */
    byte[] writeAnswer(AccessDecision decision, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ANSWER_BYTES);
        try (JsonGenerator generator = json.createGenerator(out)) {
            answer(generator, decision, locale);
        }
        return out.toByteArray();
    }

    /** The answers of a batch, in order, as a JSON array. */
    byte[] writeAnswers(List<AccessDecision> decisions, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(decisions.size() * ANSWER_BYTES + 2);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartArray();
            for (AccessDecision decision : decisions) {
                answer(generator, decision, locale);
            }
            generator.writeEndArray();
        }
        return out.toByteArray();
    }

    /** The fields of {@link AccessDecisionResponse}, in its order, nulls written as null. */
    private void answer(JsonGenerator generator, AccessDecision decision, Locale locale) {
        generator.writeStartObject();
        generator.writeBooleanProperty("allowed", decision.allowed());
        generator.writeStringProperty("reason", DecisionRequests.reason(decision));
        generator.writeStringProperty("reasonKey", decision.reasonKey());
        generator.writeName("explanation");
        generator.writeString(texts.explanation(decision, locale));
        generator.writeStringProperty("remedyKey", decision.remedyKey());
        generator.writeName("remedy");
        SerializableString remedy = texts.remedy(decision, locale);
        if (remedy == null) {
            generator.writeNull();
        } else {
            generator.writeString(remedy);
        }
        generator.writeName("trail");
        generator.writeStartArray();
        for (RuleStep step : decision.trail()) {
            generator.writeString(step(step));
        }
        generator.writeEndArray();
        writeId(generator, "grantId", decision.grantId());
        writeId(generator, "breakGlassId", decision.breakGlassId());
        generator.writeEndObject();
    }

    private SerializedString step(RuleStep step) {
        SerializedString text = steps.get(step);
        if (text == null) {
            if (steps.size() >= MAX_STEPS) {
                steps.clear();
            }
            text = new SerializedString(step.toString());
            steps.put(step, text);
        }
        return text;
    }

    private static void writeId(JsonGenerator generator, String name, Long id) {
        if (id == null) {
            generator.writeNullProperty(name);
        } else {
            generator.writeNumberProperty(name, id);
        }
    }

    private static HttpMessageNotReadableException malformed(String message, Throwable cause, HttpServletRequest http) {
        return new HttpMessageNotReadableException(message, cause, new ServletServerHttpRequest(http));
    }
}
