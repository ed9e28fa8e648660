package ru.librarybot.circulation.embedded;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.circulation.CardCheck;
import ru.librarybot.circulation.CardNumber;
import ru.librarybot.circulation.CardVault;
import ru.librarybot.circulation.Loan;
import ru.librarybot.circulation.Renewal;
import ru.librarybot.circulation.Renewal.Refusal;
import ru.librarybot.library.CirculationRules;

class EmbeddedCirculationTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final CardNumber IVANOVA = new CardNumber("1000001");

    private MemoryStore store;
    private MongoTemplate mongo;
    private final CardVault vault = new CardVault(CardVault.newKey());
    private LoansImport loansImport;
    private EmbeddedCirculation circulation;

    @BeforeEach
    void start() {
        store = MemoryStore.start();
        mongo = store.template();
        loansImport = new LoansImport(mongo, vault);
        Clock clock = Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), MOSCOW).toInstant(), MOSCOW);
        circulation = new EmbeddedCirculation(mongo, vault, new CirculationRules(Period.ofDays(14), 2, false, 10), clock,
                MOSCOW);
        loansImport.replaceAll(DemoPatrons.dated(TODAY));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void theDemoCardOpensWithItsPinOrItsSurnameOnly() {
        assertThat(circulation.verify(IVANOVA, CardCheck.PIN, "1234")).isTrue();
        assertThat(circulation.verify(IVANOVA, CardCheck.PIN, " 1234 ")).isTrue();
        assertThat(circulation.verify(IVANOVA, CardCheck.PIN, "4321")).isFalse();
        assertThat(circulation.verify(IVANOVA, CardCheck.SURNAME, "иванова")).isTrue();
        assertThat(circulation.verify(IVANOVA, CardCheck.SURNAME, "Петров")).isFalse();
        assertThat(circulation.verify(new CardNumber("1000009"), CardCheck.PIN, "1234")).isFalse();
    }

    @Test
    void neitherCardNumbersNorPinsNorSurnamesAreStoredInClear() {
        String stored = mongo.findAll(Document.class, EmbeddedCirculation.PATRONS).toString()
                + mongo.findAll(Document.class, EmbeddedCirculation.DUE_DAYS);

        assertThat(stored).doesNotContain("Иванова", "иванова")
                .doesNotContainPattern("(?<![0-9a-f])(1000001|1234)(?![0-9a-f])");
    }

    @Test
    void loansComeOverdueFirst() {
        assertThat(circulation.loans(IVANOVA)).extracting(Loan::title).containsExactly(
                "Преступление и наказание", "Мастер и Маргарита", "Тихий Дон. Книга 1", "Война и мир. Том 1");
    }

    @Test
    void aRenewalAddsTheLoanPeriodFromTheDueDateAndMovesItInTheDueIndex() {
        Loan master = title("Мастер и Маргарита");

        Renewal renewal = circulation.renew(IVANOVA, master);

        assertThat(renewal).isEqualTo(new Renewal.Renewed(master.renewedUntil(TODAY.plusDays(17)), TODAY.plusDays(17)));
        assertThat(title("Мастер и Маргарита").renewals()).isEqualTo(1);
        String card = vault.lookupKey(IVANOVA);
        assertThat(circulation.cardsDue(Set.of(TODAY.plusDays(3)), null)).contains(Set.of());
        assertThat(circulation.cardsDue(Set.of(TODAY.plusDays(17)), null)).contains(Set.of(card));
    }

    @Test
    void anOverdueLoanIsRenewedFromToday() {
        Renewal renewal = circulation.renew(IVANOVA, title("Преступление и наказание"));

        assertThat(renewal).extracting(r -> ((Renewal.Renewed) r).due()).isEqualTo(TODAY.plusDays(14));
    }

    @Test
    void theRulesRefuseWithTheirReason() {
        assertThat(refusal(title("Тихий Дон. Книга 1"))).isEqualTo(Refusal.RESERVED);
        assertThat(refusal(title("Война и мир. Том 1"))).isEqualTo(Refusal.RENEWALS_EXHAUSTED);
        Loan longOverdue = new Loan("X-1", "Старая книга", null, null, null, TODAY.minusDays(11), 0, false);
        loansImport.replaceAll(List.of(new LoansImport.Patron(IVANOVA, "Иванова", "1234", List.of(longOverdue))));
        assertThat(refusal(longOverdue)).isEqualTo(Refusal.OVERDUE_TOO_LONG);
    }

    @Test
    void aLoanReturnedMeanwhileIsNotRenewed() {
        Loan master = title("Мастер и Маргарита");
        loansImport.replaceAll(List.of(new LoansImport.Patron(IVANOVA, "Иванова", "1234", List.of())));

        assertThat(refusal(master)).isEqualTo(Refusal.NOT_ON_LOAN);
    }

    @Test
    void renewAllRenewsWhatTheRulesAllowAndSaysWhyNotForTheRest() {
        List<Renewal> renewals = circulation.renewAll(IVANOVA);

        assertThat(renewals).filteredOn(Renewal.Renewed.class::isInstance).extracting(r -> r.loan().title())
                .containsExactlyInAnyOrder("Преступление и наказание", "Мастер и Маргарита");
        assertThat(renewals).filteredOn(Renewal.Refused.class::isInstance).extracting(r -> ((Renewal.Refused) r).reason())
                .containsExactlyInAnyOrder(Refusal.RESERVED, Refusal.RENEWALS_EXHAUSTED);
    }

    @Test
    void theDueIndexFindsCardsByDayAndAllOverdue() {
        String ivanova = vault.lookupKey(IVANOVA);
        String petrov = vault.lookupKey(new CardNumber("1000002"));

        assertThat(circulation.cardsDue(Set.of(TODAY), null)).contains(Set.of(petrov));
        assertThat(circulation.cardsDue(Set.of(TODAY.plusDays(3)), null)).contains(Set.of(ivanova));
        assertThat(circulation.cardsDue(Set.of(), TODAY)).contains(Set.of(ivanova));
        assertThat(circulation.cardsDue(Set.of(TODAY.plusDays(40)), null)).contains(Set.of());
    }

    @Test
    void loansOfManyCardsAreTheSameWhetherLookedUpByKeyOrReadInOnePass() {
        List<LoansImport.Patron> patrons = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CardNumber card = new CardNumber("50000" + (10 + i));
            patrons.add(new LoansImport.Patron(card, "Читатель", "0000", List.of(new Loan("I-" + i, "Книга " + i,
                    null, null, null, TODAY.plusDays(i), 0, false))));
        }
        loansImport.replaceAll(patrons);
        List<CardNumber> two = List.of(patrons.get(3).card(), patrons.get(7).card());
        List<CardNumber> fifteen = patrons.subList(0, 15).stream().map(LoansImport.Patron::card).toList();

        assertThat(circulation.loans(two)).as("by key").containsOnlyKeys(two)
                .allSatisfy((card, loans) -> assertThat(loans).isEqualTo(circulation.loans(card)));
        assertThat(circulation.loans(fifteen)).as("in one pass").containsOnlyKeys(fifteen)
                .allSatisfy((card, loans) -> assertThat(loans).singleElement().isEqualTo(circulation.loans(card).getFirst()));
        assertThat(circulation.loans(List.of(IVANOVA))).containsEntry(IVANOVA, List.of());
    }

    @Test
    void aSpreadsheetExportInWindows1251WithSemicolonsAndQuotesIsLoaded() {
        String csv = """
                card;surname;pin;item;title;author;branch;issued;due;renewals;reserved
                2000001;Смирнова;1111;B-1;"Двенадцать стульев; роман";"Ильф И., Петров Е.";Центральная;01.11.2026;24.11.2026;0;нет
                2000001;Смирнова;1111;B-2;"Книга с ""кавычками""\";;Центральная;2026-11-01;2026-11-30;1;да
                2000002;Орлов;;;;;;;;;
                """;
        String decoded = LoansImport.decode(csv.getBytes(Charset.forName("windows-1251")));

        LoansImport.Report report = loansImport.importText(decoded);

        assertThat(report.problems()).isEmpty();
        assertThat(report).extracting(LoansImport.Report::patrons, LoansImport.Report::loans).containsExactly(2, 2);
        assertThat(circulation.loans(new CardNumber("2000001"))).extracting(Loan::title, Loan::author, Loan::reservedByOther)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Двенадцать стульев; роман", "Ильф И., Петров Е.", false),
                        org.assertj.core.groups.Tuple.tuple("Книга с \"кавычками\"", null, true));
        assertThat(circulation.verify(new CardNumber("2000002"), CardCheck.SURNAME, "орлов")).isTrue();
        assertThat(circulation.loans(IVANOVA)).as("readers not in the export are gone").isEmpty();
    }

    @Test
    void aFileWithABadLineIsRefusedWholeAndTheLoansLoadedBeforeStay() {
        String csv = """
                card,title,item,due
                2000001,Мастер и Маргарита,B-1,2026-11-24
                2000002,Идиот,B-2,31.02.2026
                ,Без билета,B-3,2026-11-24
                2000003,,B-4,2026-11-24
                """;

        LoansImport.Report report = loansImport.importText(csv);

        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).containsExactly(
                "line 3: «due» «31.02.2026» is not a date like 2026-11-24 or 24.11.2026",
                "line 4: the card number is missing or is not 4–20 digits and Latin letters",
                "line 5: the loan of item «B-4» has no title");
        assertThat(circulation.loans(IVANOVA)).hasSize(4);
    }

    @Test
    void aFileWithoutACardColumnOrWithUnknownColumnsIsRefused() {
        assertThat(loansImport.importText("билет;название\n1;2\n").problems())
                .anyMatch(problem -> problem.contains("no «card» column"));
        assertThat(loansImport.importText("").problems()).containsExactly("the file is empty");
    }

    private Loan title(String title) {
        return circulation.loans(IVANOVA).stream().filter(l -> l.title().equals(title)).findFirst().orElseThrow();
    }

    private Refusal refusal(Loan loan) {
        return ((Renewal.Refused) circulation.renew(IVANOVA, loan)).reason();
    }
}
