package org.baomi.iam;

/** A department or a post, for choosing in forms and filters. */
public record OrganisationUnit(long id, String code, LocalizedName name) {
}
