package org.baomi.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.vault.internal.VaultTestSupport.inTransaction;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.baomi.vault.MasterKeyProvider;
import org.baomi.vault.VaultTampered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The security administrator's master key screen (issue 5 item 5; DOC-9, ORG-5): versions and counts, rotation, the
 * re-wrap job's progress polled by htmx, retirement once nothing uses a version; nobody else gets in; and the
 * {@link VaultTampered} event for the incident module.
 */
@BaomiSpringTest
class VaultKeyScreenTest {

    private static final LevelMark MARK = new LevelMark(SecretLevel.SECRET, "S-10y");

    @Autowired WebApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MasterKeyProvider masterKeys;
    @Autowired EncryptedFiles files;
    @Autowired RewrapJob job;

    MockMvc mvc;
    TestAccounts.Created admin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        admin = accounts.securityAdmin();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        SignedIn.out();
    }

    private MockHttpServletRequestBuilder as(TestAccounts.Created person, MockHttpServletRequestBuilder request) {
        return request.with(authentication(accounts.authenticationOf(person))).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE);
    }

    private static String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private int current() {
        return masterKeys.versions().stream().filter(MasterKeyProvider.KeyVersion::current)
                .mapToInt(MasterKeyProvider.KeyVersion::version).findFirst().orElseThrow();
    }

    private long store() {
        return inTransaction(context, () -> files.store(new FileOwner("document", "KEYS-" + System.nanoTime()), MARK,
                "text/plain", new ByteArrayInputStream(new byte[] {1, 2, 3}))).id();
    }

    private int keyVersionOf(long fileId) {
        return jdbc.sql("SELECT master_key_version FROM vlt_file WHERE id = :id").param("id", fileId)
                .query(Integer.class).single();
    }

    private static Notice flashed(MvcResult result, String name) {
        Notice notice = (Notice) result.getFlashMap().get(name);
        assertThat(notice).as(name).isNotNull();
        return notice;
    }

    @Test
    @DisplayName("DOC-9: rotate after confirmation, the job re-wraps (progress polled by htmx until done), the old version is retired only past its grace and unused")
    void rotateRewrapAndRetire() throws Exception {
        long fileId = store();
        int old = current();
        String page = body(mvc.perform(as(admin, get("/vault/keys"))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("id=\"key-version-" + old + "\"").contains("id=\"rotate-form\"")
                .contains("data-confirm=");

        MvcResult rotated = mvc.perform(as(admin, post("/vault/keys/rotate"))).andExpect(redirectedUrl("/vault/keys"))
                .andReturn();
        int next = current();
        assertThat(next).isGreaterThan(old);
        assertThat(flashed(rotated, "notice").key()).isEqualTo("vault.keys.notice.rotated");
        assertThat(accounts.auditEntries("vault.master-key.rotated", "ALLOWED", admin.id(), null)).isPositive();
        assertThat(RewrapJob.openRequests(jdbc)).isPositive();
        String polling = body(mvc.perform(as(admin, get("/vault/keys").header("HX-Request", "true")))
                .andExpect(status().isOk()).andReturn());
        assertThat(polling).contains("id=\"key-status\"").contains("hx-trigger=\"every 2s\"")
                .doesNotContain("id=\"rotate-form\"");

        // the scheduler may hold the job's lock at the same moment: run it until the request is done
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (RewrapJob.openRequests(jdbc) > 0 && System.nanoTime() < deadline) {
            job.rewrapAfterRotation();
        }
        assertThat(RewrapJob.openRequests(jdbc)).isZero();
        assertThat(keyVersionOf(fileId)).isEqualTo(next);
        String done = body(mvc.perform(as(admin, get("/vault/keys").header("HX-Request", "true"))).andReturn());
        assertThat(done).doesNotContain("hx-trigger").contains("100%");

        // within the grace period the old version is not offered and refused if asked
        assertThat(done).doesNotContain("id=\"retire-" + old + "\"");
        MvcResult tooRecent = mvc.perform(as(admin, post("/vault/keys/" + old + "/retire")))
                .andExpect(redirectedUrl("/vault/keys")).andReturn();
        assertThat(flashed(tooRecent, "problem").key()).isEqualTo("vault.master-key.too-recent");

        clock.advance(Duration.ofHours(2));
        boolean unused = jdbc.sql("SELECT count(*) FROM vlt_file WHERE wrapped_key IS NOT NULL "
                + "AND master_key_version = :v").param("v", old).query(Long.class).single() == 0;
        String later = body(mvc.perform(as(admin, get("/vault/keys"))).andReturn());
        assertThat(later.contains("id=\"retire-" + old + "\"")).isEqualTo(unused);
        if (unused) {
            MvcResult retired = mvc.perform(as(admin, post("/vault/keys/" + old + "/retire"))).andReturn();
            assertThat(flashed(retired, "notice").key()).isEqualTo("vault.keys.notice.retired");
            assertThat(masterKeys.versions()).noneMatch(v -> v.version() == old);
        }
        // the current version is never retirable
        MvcResult refused = mvc.perform(as(admin, post("/vault/keys/" + next + "/retire"))).andReturn();
        assertThat(flashed(refused, "problem").key()).isEqualTo("vault.master-key.current");
    }

    @Test
    @DisplayName("ORG-5, ACC-1: only the holder of vault:master-key:manage sees or changes the keys; a refusal is audited and nothing rotates")
    void othersAreRefused() throws Exception {
        TestAccounts.Created office = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office"));
        TestAccounts.Created auditor = accounts.auditAdmin();
        int before = current();
        for (TestAccounts.Created person : List.of(office, auditor)) {
            mvc.perform(as(person, get("/vault/keys"))).andExpect(status().isForbidden());
            mvc.perform(as(person, post("/vault/keys/rotate"))).andExpect(status().isForbidden());
            assertThat(accounts.auditEntries("access.denied", "DENIED", person.id(), null)).isGreaterThanOrEqualTo(2);
        }
        assertThat(current()).isEqualTo(before);
        mvc.perform(as(admin, post("/vault/keys/abc/retire"))).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("DOC-9: tampering found on a read is published as VaultTampered (file, owner, level, reason) beside its audit record")
    void tamperingIsPublished() {
        List<VaultTampered> seen = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof VaultTampered t) {
                seen.add(t);
            }
        };
        ((ConfigurableApplicationContext) context).addApplicationListener(listener);
        try {
            long fileId = store();
            FileOwner owner = jdbc.sql("SELECT owner_type, owner_id FROM vlt_file WHERE id = :id").param("id", fileId)
                    .query((rs, n) -> new FileOwner(rs.getString(1), rs.getString(2))).single();
            jdbc.sql("UPDATE vlt_file SET level = 'INTERNAL' WHERE id = :id").param("id", fileId).update();

            assertThatThrownBy(() -> inTransaction(context, () -> {
                files.read(fileId, owner, MARK, new ByteArrayOutputStream());
                return null;
            })).isInstanceOfSatisfying(BaomiException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("vault.file.tampered"));

            assertThat(seen).singleElement().satisfies(t -> {
                assertThat(t.fileId()).isEqualTo(fileId);
                assertThat(t.owner()).isEqualTo(owner);
                assertThat(t.reasonKey()).startsWith("vault.tamper.");
                assertThat(t.detectedAt()).isEqualTo(clock.instant());
            });
            assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'vault.file.tampered' "
                    + "AND object_id = :id").param("id", Long.toString(fileId)).query(Long.class).single())
                    .isEqualTo(1);
        } finally {
            ((ApplicationEventMulticaster) ((AbstractApplicationContext) context)
                    .getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME))
                    .removeApplicationListener(listener);
        }
    }
}
