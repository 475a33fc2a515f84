package org.baomi.classification;

import java.util.List;

import org.baomi.iam.LocalizedName;

/** A domain of the scope catalogue (patient privacy, internal management, ...) and its categories, in order. */
public record CategoryDomain(String code, LocalizedName name, List<CategorySummary> categories) {

    public CategoryDomain {
        categories = List.copyOf(categories);
    }
}
