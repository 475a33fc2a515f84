package org.baomi.classification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.classification.CatalogueHistory;
import org.baomi.classification.CatalogueVersion;
import org.baomi.classification.CategoryDomain;
import org.baomi.classification.CategoryFilter;
import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.ConfidentialityPeriod;
import org.baomi.classification.GuideSection;
import org.baomi.classification.LevelDefinition;
import org.baomi.classification.ProtectionMeasures;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the catalogue. People's reads are not audited (the catalogue is regulatory text, not protected
 * content); integration clients' and background jobs' reads are, in the read's own transaction (see
 * {@link ClassificationCatalogue}, {@link org.baomi.classification.CatalogueJobs}).
 */
@Service
@Transactional
class CatalogueReads implements ClassificationCatalogue {

    static final int QUERY_MAX = 100;

    private final CatalogueStore store;
    private final VersionLog versions;
    private final CatalogueReaders readers;
    private final CatalogueCsv csv;
    private final AuditTrail audit;

    CatalogueReads(CatalogueStore store, VersionLog versions, CatalogueReaders readers, CatalogueCsv csv,
            AuditTrail audit) {
        this.store = store;
        this.versions = versions;
        this.readers = readers;
        this.csv = csv;
        this.audit = audit;
    }

    @Override
    public List<LevelDefinition> levels() {
        read("levels", null);
        return store.levels();
    }

    @Override
    public LevelDefinition level(SecretLevel level) {
        read("level", level == null ? null : level.name());
        if (level == null) {
            throw BaomiException.notFound("classification.error.level-not-found");
        }
        return store.level(level).orElseThrow(() -> BaomiException.notFound("classification.error.level-not-found"));
    }

    @Override
    public List<CategoryDomain> tree(CategoryFilter filter) {
        List<CategorySummary> matching = categories(filter);
        List<CategoryDomain> tree = new ArrayList<>();
        for (CatalogueStore.Domain domain : store.domains()) {
            List<CategorySummary> in = matching.stream().filter(c -> c.domainCode().equals(domain.code())).toList();
            if (!in.isEmpty()) {
                tree.add(new CategoryDomain(domain.code(), domain.name(), in));
            }
        }
        return tree;
    }

    @Override
    public List<CategorySummary> categories(CategoryFilter filter) {
        CategoryFilter f = filter == null ? CategoryFilter.activeOnly() : filter;
        read("categories", f.domainCode());
        String query = f.query() == null ? null : f.query().strip();
        if (query != null && query.length() > QUERY_MAX) {
            throw BaomiException.invalid("classification.error.query-too-long", QUERY_MAX);
        }
        return store.categories(query, f.domainCode(), f.level(), f.includeInactive());
    }

    @Override
    public Optional<CategorySummary> category(String code) {
        read("category", code);
        return code == null ? Optional.empty() : store.category(code.strip());
    }

    @Override
    public SecretLevel defaultLevel(String categoryCode) {
        return activeCategory(categoryCode).defaultLevel();
    }

    @Override
    public ConfidentialityPeriod defaultPeriod(String categoryCode) {
        return activeCategory(categoryCode).defaultPeriod();
    }

    @Override
    public ProtectionMeasures protection(String categoryCode, SecretLevel level) {
        CategorySummary category = category(categoryCode)
                .orElseThrow(() -> BaomiException.notFound("classification.error.category-not-found"));
        ProtectionMeasures measures = level(level).protection();
        boolean hasNotes = !category.protection().zh().isBlank() || !category.protection().en().isBlank();
        return new ProtectionMeasures(measures.storage(), measures.transfer(), measures.copying(),
                measures.destruction(), hasNotes ? category.protection() : null);
    }

    @Override
    public List<CategoryDomain> domains() {
        read("domains", null);
        return store.domains().stream().map(d -> new CategoryDomain(d.code(), d.name(), List.of())).toList();
    }

    @Override
    public List<GuideSection> guide() {
        read("guide", null);
        return store.guide();
    }

    @Override
    public int currentVersion() {
        read("version", null);
        return versions.current();
    }

    @Override
    public CatalogueHistory history(int page, int size) {
        read("history", null);
        if (page < 0 || size < 1 || size > 100) {
            throw BaomiException.invalid("classification.error.page");
        }
        return new CatalogueHistory(versions.page(page, size), page, size, versions.count());
    }

    @Override
    public Optional<CatalogueVersion> version(int number) {
        read("history", Integer.toString(number));
        return versions.find(number);
    }

    @Override
    public byte[] exportCsv(Locale locale) {
        readers.require();
        List<CategorySummary> all = store.categories(null, null, null, true);
        audit.record(AuditEntry.allowed("classification.catalogue.exported", "classification-catalogue",
                versions.current(), Map.of("rows", all.size())));
        return csv.write(all, store.levels(), locale);
    }

    private CategorySummary activeCategory(String code) {
        return category(code).filter(CategorySummary::active)
                .orElseThrow(() -> BaomiException.notFound("classification.error.category-not-found"));
    }

    /** Checks the reader; an integration client's read is audited. */
    private void read(String what, String subject) {
        CatalogueReaders.Reader reader = readers.require();
        if (reader != CatalogueReaders.Reader.PERSON) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (reader == CatalogueReaders.Reader.SYSTEM) {
                details.put("job", readers.job());
            }
            details.put("read", what);
            if (subject != null) {
                details.put("subject", subject.length() > 60 ? subject.substring(0, 60) : subject);
            }
            AuditEntry entry = AuditEntry.allowed("classification.catalogue.read", "classification-catalogue", null,
                    details);
            // CLS-4: a background job's read is Baomi's own, never attributed to whoever happens to be signed in
            audit.record(reader == CatalogueReaders.Reader.SYSTEM ? entry.withActor(AuditActor.system()) : entry);
        }
    }
}
