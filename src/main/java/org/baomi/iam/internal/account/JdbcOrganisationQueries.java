package org.baomi.iam.internal.account;

import java.util.List;

import org.baomi.iam.CurrentUser;
import org.baomi.iam.LocalizedName;
import org.baomi.iam.OrganisationQueries;
import org.baomi.iam.OrganisationUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcOrganisationQueries implements OrganisationQueries {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    JdbcOrganisationQueries(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationUnit> departments() {
        currentUser.require();
        return jdbc.sql("SELECT id, code, name_zh, name_en FROM iam_department ORDER BY sort_order, code")
                .query((rs, i) -> new OrganisationUnit(rs.getLong("id"), rs.getString("code"),
                        new LocalizedName(rs.getString("name_zh"), rs.getString("name_en")))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationUnit> posts() {
        currentUser.require();
        return jdbc.sql("SELECT id, code, name_zh, name_en FROM iam_post ORDER BY code")
                .query((rs, i) -> new OrganisationUnit(rs.getLong("id"), rs.getString("code"),
                        new LocalizedName(rs.getString("name_zh"), rs.getString("name_en")))).list();
    }
}
