package org.baomi.iam;

import java.util.regex.Pattern;

/**
 * A protected object, named by type and id, as registered in {@link ProtectedObjects}: a document, a patient, an
 * archive file, or any type a module registers. Ids are the owning module's ids as strings (the decision point
 * never stores a foreign key into another module's tables).
 *
 * @param type lower-case type code, such as {@value #DOCUMENT}, {@value #PATIENT}, {@value #ARCHIVE}
 * @param id   the owning module's id of the object, 1..100 characters
 */
public record ResourceRef(String type, String id) {

    public static final String DOCUMENT = "document";
    public static final String PATIENT = "patient";
    public static final String ARCHIVE = "archive";

    /** Accepted type codes: lower-case letters, digits and dashes, starting with a letter, at most 40 characters. */
    public static final Pattern TYPE_FORMAT = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

    public ResourceRef {
        if (!isTypeCode(type)) {
            throw org.baomi.shared.BaomiException.invalid("access.resource.type-invalid");
        }
        if (id == null || id.isBlank() || id.length() > 100) {
            throw org.baomi.shared.BaomiException.invalid("access.resource.id-invalid");
        }
    }

    /**
     * Whether the text is an accepted type code ({@link #TYPE_FORMAT}), checked char by char: the decision API checks
     * every question's type, twice, and the regular expression was a measurable part of a batch (issue 3).
     */
    public static boolean isTypeCode(String type) {
        if (type == null || type.isEmpty() || type.length() > 40) {
            return false;
        }
        char first = type.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static ResourceRef document(String id) {
        return new ResourceRef(DOCUMENT, id);
    }

    public static ResourceRef patient(String id) {
        return new ResourceRef(PATIENT, id);
    }

    public static ResourceRef archive(String id) {
        return new ResourceRef(ARCHIVE, id);
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
