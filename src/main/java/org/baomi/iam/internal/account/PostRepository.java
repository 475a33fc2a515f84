package org.baomi.iam.internal.account;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface PostRepository extends ListCrudRepository<Post, Long> {

    Optional<Post> findByCode(String code);
}
