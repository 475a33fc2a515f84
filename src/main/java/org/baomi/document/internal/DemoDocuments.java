package org.baomi.document.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.baomi.classification.CatalogueJobs;
import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.PeriodKind;
import org.baomi.document.CirculationMode;
import org.baomi.document.ConfidentialityTerm;
import org.baomi.document.Direction;
import org.baomi.document.DocumentPermissions;
import org.baomi.document.DocumentStatus;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.SecretLevel;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Demo mode only: the demo hospital's register ({@code demo/documents.csv}: about 60 documents over the catalogue's
 * categories and levels, kept by the president, the vice presidents, the confidentiality office and department
 * heads; some in circulation, one overdue). Made once per database, after the demo hospital, straight into the
 * register's tables and the access point's object register (as registration would, with the category's defaults);
 * a row whose custodian or reader is missing or not cleared is left out.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 5)
@Conditional(DemoDocuments.DemoMode.class)
class DemoDocuments implements ApplicationRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoDocuments.class);
    static final String RESOURCE = "demo/documents.csv";
    /** The register is kept by the head of the confidentiality office (DOC-2: a named person registers). */
    static final String REGISTRAR = "H0010";

    private final DocumentStore documents;
    private final CirculationStore circulations;
    private final ClassificationCatalogue catalogue;
    private final CatalogueJobs jobs;
    private final ProtectedObjects objects;
    private final StaffLookup staff;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoDocuments(DocumentStore documents, CirculationStore circulations, ClassificationCatalogue catalogue,
            CatalogueJobs jobs, ProtectedObjects objects, StaffLookup staff, MessageSource messages, JdbcClient jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.documents = documents;
        this.circulations = circulations;
        this.catalogue = catalogue;
        this.jobs = jobs;
        this.objects = objects;
        this.staff = staff;
        this.messages = messages;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the catalogue serves people and API clients; Baomi itself names its job (CLS-2 defaults for the demo)
        transactions.executeWithoutResult(tx -> jobs.runAs("document.demo-register", () -> {
            seed();
            return null;
        }));
    }

    private void seed() {
        int marked = jdbc.sql("INSERT INTO doc_demo_marker (id, seeded_at) VALUES (1, :now) ON CONFLICT DO NOTHING")
                .param("now", DocumentStore.ts(clock.instant())).update();
        Optional<StaffPrincipal> registrar = staff.activeByStaffNo(REGISTRAR);
        if (marked == 0 || registrar.isEmpty()) {
            return;
        }
        List<String[]> lines = read();
        List<String[]> docs = lines.stream().filter(l -> l[0].equals("DOC")).sorted((a, b) ->
                Integer.compare(Integer.parseInt(b[3]), Integer.parseInt(a[3]))).toList();
        Map<String, Long> ids = new HashMap<>();
        Map<String, SecretLevel> levels = new HashMap<>();
        for (String[] d : docs) {
            register(d, registrar.get()).ifPresent(id -> {
                ids.put(d[1], id);
                levels.put(d[1], documents.find(id, clock.instant()).orElseThrow().summary().level());
            });
        }
        for (String[] c : lines) {
            if (c[0].equals("CIRC") && ids.containsKey(c[1])) {
                circulate(ids.get(c[1]), levels.get(c[1]), c);
            }
        }
        log.info("Demo register: {} documents", ids.size());
    }

    private Optional<Long> register(String[] d, StaffPrincipal registrar) {
        Optional<CategorySummary> category = catalogue.category(d[7]).filter(CategorySummary::active);
        Optional<StaffPrincipal> custodian = staff.activeByStaffNo(d[8]);
        if (category.isEmpty() || custodian.isEmpty()) {
            return Optional.empty();
        }
        SecretLevel level = category.get().defaultLevel();
        if (!custodian.get().clearance().atLeast(level) || !custodian.get().hasPermission(DocumentPermissions.READ)) {
            log.warn("Demo document {} left out: custodian {} may not keep it", d[1], d[8]);
            return Optional.empty();
        }
        ConfidentialityTerm term = level.atLeast(SecretLevel.SECRET) ? RegistrationRules.defaultTerm(category.get())
                : new ConfidentialityTerm(PeriodKind.NONE, null, null, null);
        int daysAgo = Integer.parseInt(d[3]);
        Instant at = clock.instant().minus(Duration.ofDays(daysAgo));
        LocalDate on = at.atZone(clock.getZone()).toLocalDate();
        Direction direction = Direction.valueOf(d[2]);
        int number = documents.nextSerial(direction, on.getYear());
        String serial = String.format(Locale.ROOT, "%s-%d-%04d", messages.getMessage("document.serial-prefix."
                + direction.name(), null, direction.name(), Locale.SIMPLIFIED_CHINESE), on.getYear(), number);
        long id = documents.insert(new DocumentStore.NewDocument(direction, d[4], d[5], d[6], d[7], level, term,
                term.declassifiesOn(on), Integer.parseInt(d[10]), custodian.get().accountId(),
                custodian.get().fullName(), custodian.get().departmentId(), d[9], null, on), serial, on.getYear(),
                number, at, registrar.accountId(), registrar.fullName());
        documents.event(id, at, registrar.accountId(), registrar.fullName(), "registered", serial);
        objects.register(new ProtectedObject(ResourceRef.document(Long.toString(id)), level,
                custodian.get().departmentId(), custodian.get().accountId()));
        return Optional.of(id);
    }

    private void circulate(long documentId, SecretLevel level, String[] c) {
        DocumentStore.Row document = documents.find(documentId, clock.instant()).orElseThrow();
        CirculationMode mode = CirculationMode.valueOf(c[2]);
        Instant started = clock.instant().minus(Duration.ofHours(Integer.parseInt(c[4])));
        List<StaffPrincipal> readers = new ArrayList<>();
        for (String staffNo : c[5].split(" ")) {
            staff.activeByStaffNo(staffNo).filter(p -> p.clearance().atLeast(level)
                    && p.hasPermission(DocumentPermissions.READ)).ifPresent(readers::add);
        }
        if (readers.isEmpty()) {
            return;
        }
        int signed = Math.min(Integer.parseInt(c[6]), readers.size());
        long custodian = document.summary().custodianId();
        long id = circulations.insert(documentId, mode, Boolean.parseBoolean(c[3]), custodian, started,
                started.plus(CirculationService.LONGEST));
        documents.changeStatus(documentId, DocumentStatus.REGISTERED, DocumentStatus.IN_CIRCULATION, started, custodian);
        documents.event(documentId, started, custodian, document.summary().custodianName(), "circulated",
                String.join(", ", readers.stream().map(StaffPrincipal::fullName).toList()));
        for (int i = 0; i < readers.size(); i++) {
            boolean sent = mode == CirculationMode.PARALLEL || i <= signed;
            circulations.addReader(id, i + 1, readers.get(i).accountId(), readers.get(i).fullName(),
                    sent ? started.plus(Duration.ofMinutes(i)) : null);
        }
        for (int i = 0; i < signed; i++) {
            Instant at = started.plus(Duration.ofHours(i + 1));
            circulations.sign(id, readers.get(i).accountId(), at, readers.get(i).fullName());
            documents.event(documentId, at, readers.get(i).accountId(), readers.get(i).fullName(), "signed", null);
            if (mode == CirculationMode.SEQUENTIAL || Boolean.parseBoolean(c[3])) {
                circulations.release(id, readers.get(i).accountId(), at);
            }
        }
        objects.setDistribution(ResourceRef.document(Long.toString(documentId)), circulations.holders(documentId));
    }

    private static List<String[]> read() {
        try (InputStream in = DemoDocuments.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            List<String[]> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the demo hospital's condition: on with the embedded database unless switched off. */
    static class DemoMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String enabled = context.getEnvironment().getProperty("baomi.demo.enabled");
            if (StringUtils.hasText(enabled)) {
                return "true".equalsIgnoreCase(enabled.strip());
            }
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
