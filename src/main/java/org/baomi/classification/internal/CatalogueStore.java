package org.baomi.classification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.baomi.classification.CategorySummary;
import org.baomi.classification.ConfidentialityPeriod;
import org.baomi.classification.GuideSection;
import org.baomi.classification.LevelDefinition;
import org.baomi.classification.PeriodKind;
import org.baomi.classification.ProtectionMeasures;
import org.baomi.iam.LocalizedName;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue's tables ({@code cls_level}, {@code cls_domain}, {@code cls_category}, {@code cls_guide_section}).
 * Updates carry the expected version and report whether a row matched, so that a concurrent edit is refused
 * (optimistic locking) instead of overwritten.
 */
@Repository
class CatalogueStore {

    private static final String CATEGORY_COLUMNS = """
            SELECT c.code, d.code AS domain_code, d.name_zh AS domain_zh, d.name_en AS domain_en, c.name_zh, c.name_en,
                   c.description_zh, c.description_en, c.default_level, c.period_kind, c.period_years,
                   c.period_condition_zh, c.period_condition_en, c.protection_zh, c.protection_en, c.not_secret,
                   c.active, c.sort_order, c.version
            FROM cls_category c JOIN cls_domain d ON d.id = c.domain_id
            """;

    private final JdbcClient jdbc;

    CatalogueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A domain's code and names. */
    record Domain(long id, String code, LocalizedName name) {
    }

    List<LevelDefinition> levels() {
        return jdbc.sql("SELECT * FROM cls_level ORDER BY rank DESC").query(CatalogueStore::level).list();
    }

    Optional<LevelDefinition> level(SecretLevel level) {
        return jdbc.sql("SELECT * FROM cls_level WHERE level = :level").param("level", level.name())
                .query(CatalogueStore::level).optional();
    }

    /** The longest period of each hospital-secret level. */
    Map<SecretLevel, Integer> maxYears() {
        Map<SecretLevel, Integer> result = new EnumMap<>(SecretLevel.class);
        for (LevelDefinition level : levels()) {
            if (level.maxPeriodYears() != null) {
                result.put(level.level(), level.maxPeriodYears());
            }
        }
        return result;
    }

    /** The longest default period in years of any category at the level, 0 when none has one in years. */
    int longestCategoryYears(SecretLevel level) {
        return jdbc.sql("SELECT COALESCE(max(period_years), 0) FROM cls_category WHERE default_level = :level")
                .param("level", level.name()).query(Integer.class).single();
    }

    List<Domain> domains() {
        return jdbc.sql("SELECT id, code, name_zh, name_en FROM cls_domain ORDER BY sort_order, code")
                .query((rs, n) -> new Domain(rs.getLong("id"), rs.getString("code"),
                        new LocalizedName(rs.getString("name_zh"), rs.getString("name_en"))))
                .list();
    }

    Optional<Domain> domain(String code) {
        return domains().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /**
     * Categories matching the filter, in the order of the tree. {@code query} is matched as a literal part of
     * the code, names or descriptions (LIKE wildcards in it are escaped).
     */
    List<CategorySummary> categories(String query, String domainCode, SecretLevel level, boolean includeInactive) {
        String pattern = query == null || query.isBlank() ? null
                : "%" + query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return jdbc.sql(CATEGORY_COLUMNS + """
                WHERE (:inactive OR c.active)
                  AND (CAST(:domain AS text) IS NULL OR d.code = :domain)
                  AND (CAST(:level AS text) IS NULL OR c.default_level = :level)
                  AND (CAST(:pattern AS text) IS NULL OR lower(c.code) LIKE :pattern OR lower(c.name_zh) LIKE :pattern
                       OR lower(c.name_en) LIKE :pattern OR lower(c.description_zh) LIKE :pattern
                       OR lower(c.description_en) LIKE :pattern)
                ORDER BY d.sort_order, d.code, c.sort_order, c.code
                """)
                .param("inactive", includeInactive)
                .param("domain", domainCode)
                .param("level", level == null ? null : level.name())
                .param("pattern", pattern)
                .query(CatalogueStore::category).list();
    }

    Optional<CategorySummary> category(String code) {
        return jdbc.sql(CATEGORY_COLUMNS + " WHERE c.code = :code").param("code", code)
                .query(CatalogueStore::category).optional();
    }

    boolean categoryExists(String code) {
        return jdbc.sql("SELECT count(*) FROM cls_category WHERE code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    void insertCategory(CategoryRules.Clean c, long domainId, Instant now, long actorId) {
        jdbc.sql("""
                INSERT INTO cls_category (code, domain_id, name_zh, name_en, description_zh, description_en,
                    default_level, period_kind, period_years, period_condition_zh, period_condition_en, protection_zh,
                    protection_en, not_secret, sort_order, created_at, created_by, updated_at, updated_by)
                VALUES (:code, :domain, :nameZh, :nameEn, :descriptionZh, :descriptionEn, :level, :kind, :years,
                    :conditionZh, :conditionEn, :protectionZh, :protectionEn, :notSecret, :sortOrder, :now, :actor,
                    :now, :actor)
                """)
                .param("code", c.code()).param("domain", domainId)
                .params(categoryParams(c))
                .param("now", Timestamp.from(now)).param("actor", actorId)
                .update();
    }

    boolean updateCategory(String code, int expectedVersion, CategoryRules.Clean c, long domainId, Instant now,
            long actorId) {
        return jdbc.sql("""
                UPDATE cls_category SET domain_id = :domain, name_zh = :nameZh, name_en = :nameEn,
                    description_zh = :descriptionZh, description_en = :descriptionEn, default_level = :level,
                    period_kind = :kind, period_years = :years, period_condition_zh = :conditionZh,
                    period_condition_en = :conditionEn, protection_zh = :protectionZh, protection_en = :protectionEn,
                    not_secret = :notSecret, sort_order = :sortOrder, updated_at = :now, updated_by = :actor,
                    version = version + 1
                WHERE code = :code AND version = :version
                """)
                .param("code", code).param("domain", domainId)
                .params(categoryParams(c))
                .param("now", Timestamp.from(now)).param("actor", actorId).param("version", expectedVersion)
                .update() == 1;
    }

    boolean setActive(String code, int expectedVersion, boolean active, String reason, Instant now, long actorId) {
        return jdbc.sql("""
                UPDATE cls_category SET active = :active, updated_at = :now, updated_by = :actor,
                    deactivated_at = CASE WHEN :active THEN NULL ELSE CAST(:now AS timestamptz) END,
                    deactivated_by = CASE WHEN :active THEN NULL ELSE CAST(:actor AS bigint) END,
                    deactivation_reason = CASE WHEN :active THEN NULL ELSE CAST(:reason AS varchar) END,
                    version = version + 1
                WHERE code = :code AND version = :version AND active <> :active
                """)
                .param("code", code).param("active", active).param("reason", reason)
                .param("now", Timestamp.from(now)).param("actor", actorId).param("version", expectedVersion)
                .update() == 1;
    }

    boolean updateLevel(SecretLevel level, int expectedVersion, LevelRules.Clean l, Instant now, long actorId) {
        return jdbc.sql("""
                UPDATE cls_level SET harm_zh = :harmZh, harm_en = :harmEn, max_period_years = :years,
                    storage_zh = :storageZh, storage_en = :storageEn, transfer_zh = :transferZh,
                    transfer_en = :transferEn, copying_zh = :copyingZh, copying_en = :copyingEn,
                    destruction_zh = :destructionZh, destruction_en = :destructionEn, updated_at = :now,
                    updated_by = :actor, version = version + 1
                WHERE level = :level AND version = :version
                """)
                .param("level", level.name()).param("version", expectedVersion)
                .param("harmZh", l.harmZh()).param("harmEn", l.harmEn()).param("years", l.maxPeriodYears())
                .param("storageZh", l.storageZh()).param("storageEn", l.storageEn())
                .param("transferZh", l.transferZh()).param("transferEn", l.transferEn())
                .param("copyingZh", l.copyingZh()).param("copyingEn", l.copyingEn())
                .param("destructionZh", l.destructionZh()).param("destructionEn", l.destructionEn())
                .param("now", Timestamp.from(now)).param("actor", actorId)
                .update() == 1;
    }

    List<GuideSection> guide() {
        return jdbc.sql("SELECT * FROM cls_guide_section ORDER BY sort_order, code")
                .query((rs, n) -> new GuideSection(rs.getString("code"),
                        new LocalizedName(rs.getString("title_zh"), rs.getString("title_en")),
                        new LocalizedName(rs.getString("body_zh"), rs.getString("body_en")), rs.getInt("version")))
                .list();
    }

    Optional<GuideSection> guideSection(String code) {
        return guide().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    boolean updateGuideSection(String code, int expectedVersion, String titleZh, String titleEn, String bodyZh,
            String bodyEn, Instant now, long actorId) {
        return jdbc.sql("""
                UPDATE cls_guide_section SET title_zh = :titleZh, title_en = :titleEn, body_zh = :bodyZh,
                    body_en = :bodyEn, updated_at = :now, updated_by = :actor, version = version + 1
                WHERE code = :code AND version = :version
                """)
                .param("code", code).param("version", expectedVersion).param("titleZh", titleZh)
                .param("titleEn", titleEn).param("bodyZh", bodyZh).param("bodyEn", bodyEn)
                .param("now", Timestamp.from(now)).param("actor", actorId)
                .update() == 1;
    }

    private static Map<String, Object> categoryParams(CategoryRules.Clean c) {
        Map<String, Object> p = new HashMap<>();
        p.put("nameZh", c.nameZh());
        p.put("nameEn", c.nameEn());
        p.put("descriptionZh", c.descriptionZh());
        p.put("descriptionEn", c.descriptionEn());
        p.put("level", c.defaultLevel().name());
        p.put("kind", c.periodKind().name());
        p.put("years", c.periodYears());
        p.put("conditionZh", c.conditionZh());
        p.put("conditionEn", c.conditionEn());
        p.put("protectionZh", c.protectionZh());
        p.put("protectionEn", c.protectionEn());
        p.put("notSecret", c.notSecret());
        p.put("sortOrder", c.sortOrder());
        return p;
    }

    private static LevelDefinition level(ResultSet rs, int n) throws SQLException {
        int years = rs.getInt("max_period_years");
        Integer maxYears = rs.wasNull() ? null : years;
        return new LevelDefinition(SecretLevel.valueOf(rs.getString("level")), rs.getBoolean("hospital_secret"),
                names(rs, "harm"), maxYears,
                new ProtectionMeasures(names(rs, "storage"), names(rs, "transfer"), names(rs, "copying"),
                        names(rs, "destruction"), null),
                rs.getInt("version"));
    }

    private static CategorySummary category(ResultSet rs, int n) throws SQLException {
        PeriodKind kind = PeriodKind.valueOf(rs.getString("period_kind"));
        int years = rs.getInt("period_years");
        Integer periodYears = rs.wasNull() ? null : years;
        LocalizedName condition = rs.getString("period_condition_zh") == null ? null : names(rs, "period_condition");
        return new CategorySummary(rs.getString("code"), rs.getString("domain_code"),
                new LocalizedName(rs.getString("domain_zh"), rs.getString("domain_en")), names(rs, "name"),
                names(rs, "description"), SecretLevel.valueOf(rs.getString("default_level")),
                new ConfidentialityPeriod(kind, periodYears, condition), names(rs, "protection"),
                rs.getBoolean("not_secret"), rs.getBoolean("active"), rs.getInt("sort_order"), rs.getInt("version"));
    }

    private static LocalizedName names(ResultSet rs, String prefix) throws SQLException {
        return new LocalizedName(rs.getString(prefix + "_zh"), rs.getString(prefix + "_en"));
    }
}
