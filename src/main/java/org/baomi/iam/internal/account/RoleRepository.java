package org.baomi.iam.internal.account;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface RoleRepository extends ListCrudRepository<Role, Long> {

    Optional<Role> findByCode(String code);
}
