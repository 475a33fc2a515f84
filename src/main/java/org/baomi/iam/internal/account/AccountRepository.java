package org.baomi.iam.internal.account;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AccountRepository extends ListCrudRepository<Account, Long> {

    @Query("SELECT * FROM iam_account WHERE upper(staff_no) = upper(:staffNo)")
    Optional<Account> findByStaffNoIgnoreCase(String staffNo);
}
