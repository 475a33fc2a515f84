package org.baomi.iam;

import java.util.List;

/** The hospital's departments and posts for forms and filters; any signed-in person may read them. */
public interface OrganisationQueries {

    /** Departments in their sort order. */
    List<OrganisationUnit> departments();

    /** Posts by code. */
    List<OrganisationUnit> posts();
}
