package org.baomi.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.baomi.vault.MasterKeyProvider;
import org.baomi.vault.MasterKeyProvider.WrappedKey;
import org.baomi.vault.VaultAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The master key file outside the database (DOC-9): created, checked at start, rotated, retired. */
class MasterKeyFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theEmbeddedDemoCreatesAnOwnerOnlyKeyFileOnFirstStartAndReusesItAfterwards() throws Exception {
        Path file = dir.resolve("keys/vault-master.keys");
        MasterKeyProvider first = FileMasterKeyProvider.open(file, true, VaultAlgorithm.SM4_GCM, CLOCK);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        WrappedKey wrapped = first.wrap(new byte[32], "ctx".getBytes(StandardCharsets.US_ASCII));

        MasterKeyProvider again = FileMasterKeyProvider.open(file, true, VaultAlgorithm.SM4_GCM, CLOCK);
        assertThat(again.unwrap(wrapped, "ctx".getBytes(StandardCharsets.US_ASCII))).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> again.unwrap(wrapped, "other".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MasterKeyProvider.KeyUnwrapException.class);
    }

    @Test
    void aDerivedSecretIsStablePerPurposeAcrossInstancesDiffersPerPurposeAndChangesWithRotation() {
        Path file = dir.resolve("derive.keys");
        MasterKeyProvider first = FileMasterKeyProvider.open(file, true, VaultAlgorithm.SM4_GCM, CLOCK);
        MasterKeyProvider second = FileMasterKeyProvider.open(file, false, VaultAlgorithm.SM4_GCM, CLOCK);
        byte[] secret = first.derive("privacy/self-service/id-number");

        assertThat(secret).hasSize(32).isEqualTo(second.derive("privacy/self-service/id-number"));
        assertThat(first.derive("another/purpose")).isNotEqualTo(secret);
        assertThatThrownBy(() -> first.derive(" ")).isInstanceOf(IllegalArgumentException.class);
        first.rotate();
        // the other instance sees the new current version without a restart
        assertThat(second.derive("privacy/self-service/id-number")).isNotEqualTo(secret)
                .isEqualTo(first.derive("privacy/self-service/id-number"));
    }

    @Test
    void aMissingConfiguredKeyFileStopsTheStartWithItsPath() {
        Path file = dir.resolve("absent.keys");
        assertThatThrownBy(() -> FileMasterKeyProvider.open(file, false, VaultAlgorithm.SM4_GCM, CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aWorldReadableKeyFileStopsTheStart() throws Exception {
        Path file = dir.resolve("open.keys");
        FileMasterKeyProvider.open(file, true, VaultAlgorithm.SM4_GCM, CLOCK);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> FileMasterKeyProvider.open(file, false, VaultAlgorithm.SM4_GCM, CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("owner only")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void anUnreadableKeyFileStopsTheStart() throws Exception {
        // a directory in its place: unreadable as a file even for root, who may read any mode 000 file
        Path file = Files.createDirectory(dir.resolve("dir.keys"));
        assertThatThrownBy(() -> FileMasterKeyProvider.open(file, false, VaultAlgorithm.SM4_GCM, CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a readable file");
    }

    @Test
    void aMalformedKeyFileIsRefusedWithoutEchoingItsContent() throws Exception {
        Path file = dir.resolve("bad.keys");
        Files.writeString(file, "current=1\nkey.1=SM4_GCM:NotBase64SecretMaterial!!\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> FileMasterKeyProvider.open(file, false, VaultAlgorithm.SM4_GCM, CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SecretMaterial"));
    }

    @Test
    void rotationAddsACurrentVersionThatAnotherInstanceSeesWithoutRestartAndRetirementRemovesTheOld() {
        Path file = dir.resolve("shared.keys");
        MasterKeyProvider one = FileMasterKeyProvider.open(file, true, VaultAlgorithm.SM4_GCM, CLOCK);
        MasterKeyProvider two = FileMasterKeyProvider.open(file, false, VaultAlgorithm.SM4_GCM, CLOCK);
        WrappedKey old = one.wrap(new byte[] {1, 2, 3}, new byte[0]);

        int next = one.rotate();

        assertThat(next).isEqualTo(old.masterKeyVersion() + 1);
        assertThat(two.wrap(new byte[] {4}, new byte[0]).masterKeyVersion()).isEqualTo(next);
        assertThat(two.versions()).anySatisfy(v -> {
            assertThat(v.version()).isEqualTo(old.masterKeyVersion());
            assertThat(v.current()).isFalse();
            assertThat(v.supersededAt()).isEqualTo(CLOCK.instant());
        });
        assertThat(two.unwrap(old, new byte[0])).containsExactly(1, 2, 3);

        one.retire(old.masterKeyVersion());

        assertThat(two.versions()).extracting(MasterKeyProvider.KeyVersion::version).containsExactly(next);
        assertThatThrownBy(() -> two.unwrap(old, new byte[0])).isInstanceOf(MasterKeyProvider.KeyUnwrapException.class);
        assertThatThrownBy(() -> one.retire(next)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withAnExternalDatabaseAndNoKeyFileConfiguredBaomiDoesNotStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withUserConfiguration(VaultConfiguration.class)
                .withBean(Clock.class, () -> CLOCK)
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/baomi")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("baomi.vault.master-key-file is not set"));
    }

    @Test
    void aConfiguredKeyFileThatOthersCanReadStopsTheApplicationContext() throws Exception {
        Path file = dir.resolve("configured.keys");
        FileMasterKeyProvider.open(file, true, VaultAlgorithm.AES_256_GCM, CLOCK);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withUserConfiguration(VaultConfiguration.class)
                .withBean(Clock.class, () -> CLOCK)
                .withPropertyValues("baomi.vault.master-key-file=" + file)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("chmod 600"));
    }

    @Test
    void withTheEmbeddedDatabaseTheKeyFileIsMadeBesideItsDataDirectory() {
        Path data = dir.resolve("data/postgres");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withUserConfiguration(VaultConfiguration.class)
                .withBean(Clock.class, () -> CLOCK)
                .withPropertyValues("baomi.embedded-db.data-dir=" + data)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(dir.resolve("data/vault-master.keys")).isRegularFile();
                });
    }
}
