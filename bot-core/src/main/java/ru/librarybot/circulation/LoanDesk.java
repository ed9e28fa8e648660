package ru.librarybot.circulation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.Texts;

/** Shows a linked reader their loans and renews them, in the words the reader sees. */
@Component
class LoanDesk {

    static final String ALL = "all";
    private static final Logger log = LoggerFactory.getLogger(LoanDesk.class);

    private final CirculationSource source;
    private final Readers readers;
    private final Texts texts;
    private final Clock clock;
    private final ZoneId zone;

    LoanDesk(CirculationSource source, Readers readers, Texts texts, Clock clock, ZoneId libraryZone) {
        this.source = source;
        this.readers = readers;
        this.texts = texts;
        this.clock = clock;
        this.zone = libraryZone;
    }

    /** The reader's loans, overdue first, each with its renew button, then "renew all". */
    Answer loans(Reader reader, Intent intent, List<Reply> before) {
        CardNumber card = readers.card(reader);
        List<Loan> loans;
        try {
            loans = source.loans(card);
        } catch (CirculationUnavailable e) {
            return unavailable(intent, e);
        }
        List<Reply> replies = new ArrayList<>(before);
        replies.addAll(loanList(card, loans, intent == Intent.RENEW ? "loans.headerRenew" : "loans.header"));
        return new Answer(intent, Outcome.ANSWERED, replies, null);
    }

    /** Renews one loan (argument: its short id) or all of them (argument {@value #ALL}). */
    Answer renew(Reader reader, String argument, List<Reply> before) {
        CardNumber card = readers.card(reader);
        try {
            List<Reply> replies = new ArrayList<>(before);
            if (ALL.equals(argument)) {
                replies.add(renewAll(card));
                return new Answer(Intent.RENEW, Outcome.ANSWERED, replies, null);
            }
            List<Loan> loans = source.loans(card);
            Optional<Loan> loan = loans.stream().filter(l -> l.shortId().equals(argument)).findFirst();
            if (loan.isEmpty()) {
                replies.add(new Reply.Text(texts.get("renew.unknown")));
                replies.addAll(loanList(card, loans, "loans.header"));
                return new Answer(Intent.RENEW, Outcome.NOT_FOUND, replies, null);
            }
            replies.add(renewOne(card, loan.get()));
            return new Answer(Intent.RENEW, Outcome.ANSWERED, replies, null);
        } catch (CirculationUnavailable e) {
            return unavailable(Intent.RENEW, e);
        }
    }

    Answer unavailable(Intent intent, CirculationUnavailable e) {
        log.warn("The circulation system failed to answer a {} request: {}", intent, e.getMessage());
        return new Answer(intent, Outcome.ERROR, List.of(new Reply.Text(texts.get("circulation.unavailable"),
                List.of(Button.of(texts.get("button.menu"), Intent.HELP)))), null);
    }

    private List<Reply> loanList(CardNumber card, List<Loan> loans, String header) {
        List<Reply> replies = new ArrayList<>();
        if (loans.isEmpty()) {
            replies.add(new Reply.Text(texts.get("loans.none", card.masked()), List.of(
                    Button.of(texts.get("button.search"), Intent.AVAILABILITY),
                    Button.of(texts.get("button.menu"), Intent.HELP))));
            return replies;
        }
        replies.add(new Reply.Text(texts.get(header, card.masked())));
        LocalDate today = today();
        loans.stream().sorted(Loan.MOST_URGENT_FIRST).forEach(loan -> replies.add(new Reply.Text(describe(loan, today),
                List.of(Button.of(texts.get("button.renew"), Intent.RENEW, loan.shortId())))));
        if (loans.size() > 1) {
            replies.add(new Reply.Text(texts.get("loans.renewAll"), List.of(
                    Button.of(texts.get("button.renewAll"), Intent.RENEW, ALL),
                    Button.of(texts.get("button.myCard"), Intent.LINK_CARD),
                    Button.of(texts.get("button.menu"), Intent.HELP))));
        }
        return replies;
    }

    private String describe(Loan loan, LocalDate today) {
        String author = loan.author() == null ? "" : ", " + loan.author();
        String branch = loan.branch() == null ? "" : " · " + loan.branch();
        String key = loan.overdueOn(today) ? "loans.item.overdue"
                : today.equals(loan.due()) ? "loans.item.today" : "loans.item";
        String text = texts.get(key, loan.title(), author, DueDates.format(loan.due()), branch);
        return loan.reservedByOther() ? text + texts.get("loans.item.reserved") : text;
    }

    private Reply renewOne(CardNumber card, Loan loan) {
        return switch (source.renew(card, loan)) {
            case Renewal.Renewed renewed -> new Reply.Text(texts.get("renew.done", loan.title(),
                    DueDates.format(renewed.due())), afterRenewal());
            case Renewal.Refused refused -> new Reply.Text(texts.get("renew.refused", loan.title(), reason(refused))
                    + " " + stillDue(refused), afterRenewal());
        };
    }

    private Reply renewAll(CardNumber card) {
        List<Renewal> renewals = source.renewAll(card);
        if (renewals.isEmpty()) {
            return new Reply.Text(texts.get("renew.all.none"), afterRenewal());
        }
        StringBuilder text = new StringBuilder(texts.get("renew.all",
                renewals.stream().filter(Renewal.Renewed.class::isInstance).count(), renewals.size()));
        for (Renewal renewal : renewals) {
            text.append('\n').append(switch (renewal) {
                case Renewal.Renewed renewed -> texts.get("renew.all.renewed", renewed.loan().title(),
                        DueDates.format(renewed.due()));
                case Renewal.Refused refused -> texts.get("renew.all.refused", refused.loan().title(), reason(refused));
            });
        }
        return new Reply.Text(text.toString(), afterRenewal());
    }

    private String reason(Renewal.Refused refused) {
        if (refused.reason() == Renewal.Refusal.OTHER && refused.libraryMessage() != null
                && !refused.libraryMessage().isBlank()) {
            String said = refused.libraryMessage().strip();
            return texts.get("renew.reason.said", said.length() <= 200 ? said : said.substring(0, 200) + "…");
        }
        return texts.get("renew.reason." + refused.reason().name());
    }

    private String stillDue(Renewal.Refused refused) {
        Loan loan = refused.loan();
        if (loan.due() == null || refused.reason() == Renewal.Refusal.NOT_ON_LOAN) {
            return "";
        }
        return loan.overdueOn(today()) ? texts.get("renew.refused.overdue", DueDates.format(loan.due()))
                : texts.get("renew.refused.due", DueDates.format(loan.due()));
    }

    private List<Button> afterRenewal() {
        return List.of(Button.of(texts.get("button.loans"), Intent.LOANS), Button.of(texts.get("button.menu"), Intent.HELP));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
