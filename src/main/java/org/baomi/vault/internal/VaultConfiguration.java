package org.baomi.vault.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.baomi.vault.MasterKeyProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The vault's master keys (DOC-9): from {@code baomi.vault.master-key-file}; or, with the embedded demo database
 * only, from {@code vault-master.keys} beside its data directory, created on first start. With an external database
 * and no key file configured, Baomi does not start: a generated key next to a production database would be lost
 * with the machine, or copied with it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultProperties.class)
class VaultConfiguration {

    static final String DEFAULT_FILE_NAME = "vault-master.keys";

    @Bean
    MasterKeyProvider vaultMasterKeys(VaultProperties properties, Environment environment, Clock clock) {
        if (properties.masterKeyFile() != null) {
            return FileMasterKeyProvider.open(properties.masterKeyFile(), false, properties.algorithm(), clock);
        }
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException("baomi.vault.master-key-file is not set. With an external database the "
                    + "vault's master key file must be given (a mounted secret, mode 600; see docs/vault.md).");
        }
        return FileMasterKeyProvider.open(besideEmbeddedData(environment), true, properties.algorithm(), clock);
    }

    /** The parent of the embedded data directory (its name carries a random part in tests). */
    static Path besideEmbeddedData(Environment environment) {
        Path dataDir = Path.of(environment.getProperty("baomi.embedded-db.data-dir", "data/postgres"))
                .toAbsolutePath().normalize();
        Path parent = dataDir.getParent() == null ? dataDir : dataDir.getParent();
        return parent.resolve(DEFAULT_FILE_NAME);
    }
}
