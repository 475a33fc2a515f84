package org.baomi.iam.internal;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.baomi.iam.internal.login.SecretCiphers;
import org.baomi.iam.internal.login.SecretCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class IamConfiguration {

    /**
     * Argon2id for new hashes; BCrypt hashes (imported accounts) still verify. The hash records its algorithm
     * ({@code {argon2@SpringSecurity_v5_8}...}), so the default can change without a migration.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String argon2 = "argon2@SpringSecurity_v5_8";
        Map<String, PasswordEncoder> encoders = Map.of(
                argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder(12));
        return new DelegatingPasswordEncoder(argon2, encoders);
    }

    @Bean
    SecretCipher secretCipher(IamSecurityProperties properties,
            @Value("${baomi.keys-dir:./data/keys}") Path keysDir) {
        return SecretCiphers.create(properties.totp().encryptionKey(), keysDir.resolve("totp-secrets.key"));
    }

    /** Scheduled jobs take a lease in the database so that one instance runs each (multi-instance). */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
