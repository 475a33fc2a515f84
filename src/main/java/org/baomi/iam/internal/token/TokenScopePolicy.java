package org.baomi.iam.internal.token;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.baomi.iam.AdminKind;
import org.baomi.shared.BaomiException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ORG-5 (三员) for API tokens, as data: table {@code iam_api_token_scope} names, for each scope a token may carry,
 * the one administrator kind that may hand it out. A scope without a row is refused for everybody (deny by
 * default), and the table's check constraint keeps business content (documents, patients, archives) out of it, so
 * no administrator reaches content through a token. Read on each issue: issuing is rare, and a change of the table
 * (a migration) then applies at once.
 */
@Component
class TokenScopePolicy {

    private final JdbcClient jdbc;

    TokenScopePolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every scope a token may carry, with the administrator kind that may issue it. */
    Map<String, AdminKind> issuers() {
        return jdbc.sql("SELECT scope, issuer_kind FROM iam_api_token_scope ORDER BY scope")
                .query((rs, n) -> Map.entry(rs.getString(1), AdminKind.valueOf(rs.getString(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        TreeMap::new));
    }

    /** The scopes this administrator kind may hand out, sorted; none for a person who is no administrator. */
    List<String> issuableBy(AdminKind kind) {
        if (kind == null) {
            return List.of();
        }
        return issuers().entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
    }

    /**
     * The first of these scopes the issuer may not hand out, as the refusal to show: INVALID
     * {@code iam.api-token.scope.unknown} for a scope nobody may issue (business content among them),
     * {@code iam.api-token.scope.other-administrator} for one that another administrator kind issues; empty when
     * the issuer may issue them all.
     */
    Optional<BaomiException> refusal(AdminKind issuer, List<String> scopes) {
        Map<String, AdminKind> issuers = issuers();
        for (String scope : scopes) {
            AdminKind owner = issuers.get(scope);
            if (owner == null) {
                return Optional.of(BaomiException.invalid("iam.api-token.scope.unknown", scope));
            }
            if (owner != issuer) {
                return Optional.of(BaomiException.invalid("iam.api-token.scope.other-administrator", scope,
                        new DefaultMessageSourceResolvable(
                                new String[] {owner.messageKey()}, owner.name())));
            }
        }
        return Optional.empty();
    }
}
