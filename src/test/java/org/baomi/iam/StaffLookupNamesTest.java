package org.baomi.iam;

import java.util.Arrays;
import java.util.List;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link StaffLookup#activeNames}: one query for many names, with the same "ACTIVE only" rule as activeById. */
@BaomiSpringTest
class StaffLookupNamesTest {

    @Autowired StaffLookup staff;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void namesOfActiveAccountsOnly_unknownAndSuspendedAbsent() {
        TestAccounts.Created one = accounts.create(TestAccounts.person());
        TestAccounts.Created two = accounts.create(TestAccounts.person());
        TestAccounts.Created suspended = accounts.create(TestAccounts.person());
        jdbc.sql("UPDATE iam_account SET status = 'SUSPENDED' WHERE id = :id").param("id", suspended.id()).update();

        var names = staff.activeNames(Arrays.asList(one.id(), two.id(), one.id(), suspended.id(), -1L, null));

        assertThat(names).containsOnlyKeys(one.id(), two.id());
        assertThat(names.get(one.id())).isEqualTo(one.fullName());
        assertThat(names.get(two.id())).isEqualTo(two.fullName());
        assertThat(staff.activeById(suspended.id())).isEmpty();
        assertThat(names.get(one.id())).isEqualTo(staff.activeById(one.id()).orElseThrow().fullName());
    }

    @Test
    void noIdsGiveAnEmptyMap() {
        assertThat(staff.activeNames(List.of())).isEmpty();
    }
}
