package org.baomi.monitor.internal.ingest;

import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.monitor.IngestFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body into {@link RawItem}s with Jackson's streaming parser: no tree per item (the ingest runs at
 * tens of thousands of events a second, issue 7). Only the expected fields are kept, as text; anything else about
 * an item's shape becomes a problem of that item, so that one malformed item never costs the others.
 */
final class ItemParser {

    private final JsonMapper json;
    private final String[] fields;

    /** @param fields the JSON names of the expected fields, in the order of {@link RawItem#values()} */
    ItemParser(JsonMapper json, String... fields) {
        this.json = json;
        this.fields = fields.clone();
    }

    List<RawItem> parse(byte[] body, IngestFormat format) {
        if (body == null || blank(body, 0, body.length)) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "monitor.ingest.body-required")));
        }
        return format == IngestFormat.NDJSON ? ndjson(body) : array(body);
    }

    /** NDJSON: each line on its own parser, so that a broken line is that line's problem only. */
    private List<RawItem> ndjson(byte[] body) {
        List<RawItem> items = new ArrayList<>();
        int start = 0;
        int line = 1;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            if (!blank(body, start, end)) {
                items.add(line(body, start, end - start, items.size(), line));
            }
            start = end + 1;
            line++;
        }
        if (items.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "monitor.ingest.body-required")));
        }
        return items;
    }

    private RawItem line(byte[] body, int offset, int length, int index, int line) {
        try (JsonParser p = json.createParser(body, offset, length)) {
            JsonToken first = p.nextToken();
            RawItem item = item(p, first, index, line);
            if (p.nextToken() != null) {
                item.problems().add(new FieldProblem("line", "monitor.ingest.trailing-content"));
            }
            return item;
        } catch (JacksonException e) {
            return new RawItem(index, line, new String[fields.length], new ArrayList<>(List.of(
                    new FieldProblem("line", "monitor.ingest.syntax", column(e)))));
        }
    }

    /** A JSON array: a syntax error leaves no way to find the next item, so it refuses the whole body. */
    private List<RawItem> array(byte[] body) {
        List<RawItem> items = new ArrayList<>();
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidInputException(List.of(new FieldProblem("body", "monitor.ingest.body-not-array")));
            }
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new InvalidInputException(List.of(new FieldProblem("body", "monitor.ingest.body-syntax",
                            lineOf(p.currentLocation()), columnOf(p.currentLocation()))));
                }
                items.add(item(p, token, items.size(), lineOf(p.currentTokenLocation())));
            }
            if (p.nextToken() != null) {
                throw new InvalidInputException(List.of(new FieldProblem("body", "monitor.ingest.body-syntax",
                        lineOf(p.currentTokenLocation()), columnOf(p.currentTokenLocation()))));
            }
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new InvalidInputException(List.of(new FieldProblem("body", "monitor.ingest.body-syntax",
                    at == null ? 0 : lineOf(at), at == null ? 0 : columnOf(at))));
        }
        if (items.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "monitor.ingest.body-required")));
        }
        return items;
    }

    /** Reads one item whose first token is {@code first}; the parser ends on the item's last token. */
    private RawItem item(JsonParser p, JsonToken first, int index, int line) {
        String[] values = new String[fields.length];
        List<FieldProblem> problems = new ArrayList<>(0);
        if (first != JsonToken.START_OBJECT) {
            if (first == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            problems.add(new FieldProblem("item", "monitor.ingest.not-object"));
            return new RawItem(index, line, values, problems);
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            int field = indexOf(name);
            if (field < 0) {
                p.skipChildren(); // fields Baomi does not use are ignored, as FHIR readers ignore extensions
                continue;
            }
            if (values[field] != null) {
                problems.add(new FieldProblem(name, "monitor.ingest.field-repeated"));
            }
            if (value == JsonToken.VALUE_STRING) {
                values[field] = p.getString();
            } else if (value == JsonToken.VALUE_NULL) {
                values[field] = null;
            } else {
                p.skipChildren();
                problems.add(new FieldProblem(name, "monitor.ingest.not-text"));
            }
        }
        return new RawItem(index, line, values, problems);
    }

    private int indexOf(String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static int column(JacksonException e) {
        return e.getLocation() == null ? 0 : columnOf(e.getLocation());
    }

    private static int lineOf(TokenStreamLocation at) {
        return Math.max(0, at.getLineNr());
    }

    private static int columnOf(TokenStreamLocation at) {
        return Math.max(0, at.getColumnNr());
    }
}
