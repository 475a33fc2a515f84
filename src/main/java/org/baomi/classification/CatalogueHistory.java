package org.baomi.classification;

import java.util.List;

import org.baomi.shared.Paged;

/** One page of catalogue versions, newest first. */
public record CatalogueHistory(List<CatalogueVersion> versions, int page, int size, long total) implements Paged {

    public CatalogueHistory {
        versions = List.copyOf(versions);
    }
}
