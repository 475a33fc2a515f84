package org.baomi.audit.internal;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.baomi.audit.internal.chain.AnchorKeys;
import org.baomi.audit.internal.chain.Anchoring;
import org.baomi.audit.internal.chain.AuditChainProperties;
import org.baomi.audit.internal.chain.ChainSealer;
import org.baomi.audit.internal.chain.ChainVerifier;
import org.baomi.audit.internal.chain.EntryImporter;
import org.baomi.audit.internal.chain.EntryMac;
import org.baomi.audit.internal.chain.EntryWriter;
import org.baomi.audit.internal.chain.GroupCommitProperties;
import org.baomi.audit.internal.chain.GroupCommitWriter;
import org.baomi.audit.internal.chain.ProofPackages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain's parts (AUD-3), plain classes wired here so that the tamper tests can build the same parts on a
 * scratch database. Keys live in {@code baomi.keys-dir}, anchors in {@code baomi.audit.anchor-dir}.
 */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    @Bean
    EntryMac entryMac(@Value("${baomi.keys-dir:./data/keys}") Path keysDir) {
        return EntryMac.fromKeysDir(keysDir);
    }

    @Bean
    EntryWriter entryWriter(JdbcClient jdbc, EntryMac mac) {
        return new EntryWriter(jdbc, mac);
    }

    /** Closed (queue drained) by {@link JdbcAuditTrail#stop}; again, harmlessly, when the context is destroyed. */
    @Bean(destroyMethod = "close")
    GroupCommitWriter groupCommitWriter(DataSource dataSource, EntryMac mac, GroupCommitProperties properties) {
        return new GroupCommitWriter(dataSource, mac, properties);
    }

    @Bean
    EntryImporter entryImporter(DataSource dataSource, EntryMac mac) {
        return new EntryImporter(dataSource, mac);
    }

    @Bean
    AnchorKeys anchorKeys(@Value("${baomi.keys-dir:./data/keys}") Path keysDir, AuditChainProperties properties,
            Clock clock) {
        return new AnchorKeys(keysDir, properties.anchorDir(), properties.signatureAlgorithm(), clock);
    }

    @Bean
    ChainSealer chainSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, EntryMac mac,
            AuditChainProperties properties, Clock clock) {
        return new ChainSealer(jdbc, new TransactionTemplate(transactions), mac, properties.hashAlgorithm(), clock,
                properties.sealBatchSize());
    }

    @Bean
    Anchoring anchoring(JdbcClient jdbc, PlatformTransactionManager transactions, AnchorKeys keys,
            AuditChainProperties properties, Clock clock) {
        return new Anchoring(jdbc, new TransactionTemplate(transactions), keys, properties.anchorDir(), clock);
    }

    @Bean
    ProofPackages proofPackages(JdbcClient jdbc, AnchorKeys keys, AuditChainProperties properties) {
        return new ProofPackages(jdbc, keys, properties.anchorDir());
    }

    @Bean
    ChainVerifier chainVerifier(DataSource dataSource, EntryMac mac, AnchorKeys keys,
            AuditChainProperties properties, Clock clock) {
        return new ChainVerifier(dataSource, mac, keys, properties.anchorDir(), clock);
    }
}
