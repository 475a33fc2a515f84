package org.baomi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.baomi.iam.CsvExport;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * DOC-6: the year-end campaign lists exactly what each person holds (a circulated document in hand, a made copy, a
 * carried-out document), the custodian confirms returns, and {@code outstandingItemsOf} falls to zero. The campaign
 * covers the whole shared database, so assertions look at this test's own people only; the year is one no other
 * test opens.
 */
@BaomiSpringTest
class YearEndReturnTest {

    static final int YEAR = 2090;

    @Autowired DocumentRegister register;
    @Autowired DocumentCirculation circulation;
    @Autowired DocumentYearEndReturn yearEnd;
    @Autowired AccessChangeFeed feed;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("DOC-6: the campaign lists exactly the outstanding items per person; the custodian confirms them back; outstanding falls to zero")
    void campaign() {
        DocumentFixture f = new DocumentFixture(accounts, feed, register);
        TestAccounts.Created custodian = f.custodian();
        TestAccounts.Created office = f.person(SecretLevel.SECRET, "confidentiality-office");
        TestAccounts.Created reader = f.reader(SecretLevel.HIGHLY_SECRET);
        TestAccounts.Created holder = f.reader(SecretLevel.HIGHLY_SECRET);
        TestAccounts.Created nothing = f.reader(SecretLevel.HIGHLY_SECRET);
        TestAccounts.Created registrar = f.registrar();
        long circulated = f.minutes(registrar, custodian, "Year-end circulated " + System.nanoTime());
        long copied = f.minutes(registrar, custodian, "Year-end copied " + System.nanoTime());
        long carried = f.minutes(registrar, custodian, "Year-end carried " + System.nanoTime());
        f.as(custodian, () -> circulation.send(circulated, new CirculationDraft(List.of(reader.staffNo()),
                CirculationMode.PARALLEL, false)));
        long copyRequest = request(copied, "COPY", holder);
        jdbc.sql("INSERT INTO doc_copy (document_id, request_id, kind, copy_no, of_total, holder_id, holder_name, "
                + "status, authorised_at, made_at) VALUES (:d, :r, 'COPY', 1, 1, :h, 'Holder', 'MADE', now(), now())")
                .param("d", copied).param("r", copyRequest).param("h", holder.id()).update();
        long carryRequest = request(carried, "CARRY_OUT", holder);
        jdbc.sql("INSERT INTO doc_carry_out (document_id, request_id, holder_id, holder_name, destination, "
                + "authorised_at) VALUES (:d, :r, :h, 'Holder', 'Health commission', now())")
                .param("d", carried).param("r", carryRequest).param("h", holder.id()).update();
        jdbc.sql("UPDATE doc_document SET status = 'CARRIED_OUT' WHERE id = :id").param("id", carried).update();
        f.poll();

        assertThat(yearEnd.outstandingItemsOf(reader.id())).isEqualTo(1);
        assertThat(yearEnd.outstandingItemsOf(holder.id())).isEqualTo(2);
        assertThat(yearEnd.outstandingItemsOf(nothing.id())).isZero();

        assertThatThrownBy(() -> f.as(reader, () -> yearEnd.open(YEAR))).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        long campaign = f.as(office, () -> yearEnd.open(YEAR));
        assertThatThrownBy(() -> f.as(office, () -> yearEnd.open(YEAR))).isInstanceOfSatisfying(
                BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));

        Set<Long> ours = Set.of(reader.id(), holder.id(), nothing.id());
        List<ReturnItem> items = f.as(office, () -> yearEnd.items(campaign)).stream()
                .filter(i -> ours.contains(i.holderId())).toList();
        assertThat(items).extracting(ReturnItem::holderId, ReturnItem::documentId, ReturnItem::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(reader.id(), circulated, "CIRCULATION"),
                        org.assertj.core.groups.Tuple.tuple(holder.id(), copied, "COPY"),
                        org.assertj.core.groups.Tuple.tuple(holder.id(), carried, "CARRY_OUT"));
        assertThat(accounts.auditEntries("document.year-end.opened", "ALLOWED", office.id(), campaign)).isEqualTo(1);

        // only the custodian confirms
        assertThatThrownBy(() -> f.as(office, () -> yearEnd.confirmReturn(items.get(0).id())))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        for (ReturnItem item : items) {
            f.as(custodian, () -> yearEnd.confirmReturn(item.id()));
        }
        assertThatThrownBy(() -> f.as(custodian, () -> yearEnd.confirmReturn(items.get(0).id())))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));
        assertThat(yearEnd.outstandingItemsOf(reader.id())).isZero();
        assertThat(yearEnd.outstandingItemsOf(holder.id())).isZero();
        assertThat(jdbc.sql("SELECT status FROM doc_document WHERE id = :id").param("id", carried)
                .query(String.class).single()).isEqualTo("REGISTERED");
        assertThat(f.as(office, () -> yearEnd.items(campaign)).stream().filter(i -> ours.contains(i.holderId()))
                .allMatch(i -> i.confirmedAt() != null)).isTrue();

        List<ReturnProgress> progress = f.as(office, () -> yearEnd.progress(campaign));
        assertThat(progress.stream().mapToInt(ReturnProgress::returned).sum()).isGreaterThanOrEqualTo(3);
        CsvExport csv = f.as(office, () -> yearEnd.export(campaign, Locale.ENGLISH));
        assertThat(csv.rows()).isEqualTo(f.as(office, () -> yearEnd.items(campaign)).size());
    }

    private long request(long documentId, String kind, TestAccounts.Created holder) {
        return jdbc.sql("INSERT INTO doc_copy_request (document_id, kind, approval_id, requester_id, requester_name, "
                + "copies, destination, status, requested_at) VALUES (:d, :k, -:d, :h, 'Holder', :c, :dest, "
                + "'APPROVED', now()) RETURNING id").param("d", documentId).param("k", kind).param("h", holder.id())
                .param("c", "COPY".equals(kind) ? 1 : null).param("dest", "COPY".equals(kind) ? null : "Commission")
                .query(Long.class).single();
    }
}
