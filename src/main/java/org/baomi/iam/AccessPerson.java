package org.baomi.iam;

/** A person as reverse queries and previews name them. */
public record AccessPerson(long personId, String staffNo, String fullName) {
}
