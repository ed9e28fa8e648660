package ru.librarybot.circulation.sip2;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.librarybot.circulation.CardCheck;
import ru.librarybot.circulation.CardNumber;
import ru.librarybot.circulation.CirculationSource;
import ru.librarybot.circulation.CirculationUnavailable;
import ru.librarybot.circulation.Loan;
import ru.librarybot.circulation.Renewal;
import ru.librarybot.circulation.Renewal.Refusal;

/**
 * The library's own circulation system over SIP2: patron information (63) with charged items, item
 * information (17) for titles and due dates, renew (29) and renew all (65).
 */
public class Sip2Circulation implements CirculationSource {

    private static final DateTimeFormatter TRANSACTION_DATE = DateTimeFormatter.ofPattern("yyyyMMdd    HHmmss");
    private static final String NO_DATE = " ".repeat(18);
    /** Patron information summary: position 2 asks for charged items. */
    private static final String CHARGED_ITEMS = "  Y       ";
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern RUSSIAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private final Sip2Client client;
    private final String institution;
    private final Clock clock;
    private final ZoneId zone;

    public Sip2Circulation(Sip2Client client, Sip2Settings settings, Clock clock, ZoneId zone) {
        this.client = client;
        this.institution = settings.institution() == null ? "" : settings.institution();
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public boolean verify(CardNumber card, CardCheck check, String secret) {
        return switch (check) {
            case PIN -> {
                Sip2Message patron = patronInformation(card, "          ", clean(secret));
                yield "Y".equals(patron.field("BL")) && "Y".equals(patron.field("CQ"));
            }
            case SURNAME -> {
                Sip2Message patron = patronInformation(card, "          ", null);
                yield !"N".equals(patron.field("BL")) && surnameMatches(patron.field("AE"), secret);
            }
        };
    }

    @Override
    public List<Loan> loans(CardNumber card) {
        Sip2Message patron = patronInformation(card, CHARGED_ITEMS, null);
        if ("N".equals(patron.field("BL"))) {
            return List.of();
        }
        List<Loan> loans = new ArrayList<>();
        for (String item : patron.repeated("AU")) {
            if (!item.isBlank()) {
                loans.add(item(item.strip()));
            }
        }
        loans.sort(Loan.MOST_URGENT_FIRST);
        return loans;
    }

    @Override
    public Renewal renew(CardNumber card, Loan loan) {
        Sip2Message reply = client.send("29NN" + now() + NO_DATE + "AO" + clean(institution) + "|AA" + card.value()
                + "|AB" + clean(loan.item()) + "|", "30", false);
        if (reply.flag(0) == '1') {
            LocalDate due = parseDate(reply.field("AH"));
            if (due == null) {
                due = item(loan.item()).due();
            }
            return new Renewal.Renewed(loan.renewedUntil(due), due);
        }
        return new Renewal.Refused(loan, refusal(loan, reply.field("AF")), blankToNull(reply.field("AF")));
    }

    @Override
    public List<Renewal> renewAll(CardNumber card) {
        Sip2Message reply = client.send("65" + now() + "AO" + clean(institution) + "|AA" + card.value() + "|", "66",
                false);
        List<Renewal> renewals = new ArrayList<>();
        for (String renewed : reply.repeated("BM")) {
            Loan loan = item(renewed.strip());
            renewals.add(new Renewal.Renewed(loan, loan.due()));
        }
        for (String refused : reply.repeated("BN")) {
            Loan loan = item(refused.strip());
            renewals.add(new Renewal.Refused(loan, loan.reservedByOther() ? Refusal.RESERVED : Refusal.OTHER, null));
        }
        return renewals;
    }

    /** SIP2 tells loans patron by patron only. */
    @Override
    public Optional<Set<String>> cardsDue(Set<LocalDate> days, LocalDate overdueBefore) {
        return Optional.empty();
    }

    private Sip2Message patronInformation(CardNumber card, String summary, String pin) {
        StringBuilder request = new StringBuilder("63").append("rus").append(now()).append(summary)
                .append("AO").append(clean(institution)).append("|AA").append(card.value()).append('|');
        if (pin != null) {
            request.append("AD").append(pin).append('|');
        }
        if (summary.contains("Y")) {
            request.append("BP1|BQ200|");
        }
        return client.send(request.toString(), "64", true);
    }

    private Loan item(String barcode) {
        Sip2Message item = client.send("17" + now() + "AO" + clean(institution) + "|AB" + clean(barcode) + "|", "18",
                true);
        String title = blankToNull(item.field("AJ"));
        String holdQueue = item.field("CF");
        boolean reserved = holdQueue != null && holdQueue.strip().matches("\\d{1,6}")
                && Integer.parseInt(holdQueue.strip()) > 0;
        String branch = blankToNull(item.field("AQ"));
        return new Loan(barcode, title, null, branch, null, parseDate(item.field("AH")), -1, reserved);
    }

    private String now() {
        return TRANSACTION_DATE.format(clock.instant().atZone(zone));
    }

    /** Due dates come in whatever form the vendor chose; the common ones are read, others stay unknown. */
    static LocalDate parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String date = value.strip();
        try {
            if (date.length() >= 8 && date.substring(0, 8).chars().allMatch(Character::isDigit)) {
                return LocalDate.parse(date.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            }
            Matcher iso = ISO_DATE.matcher(date);
            if (iso.lookingAt()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
            Matcher russian = RUSSIAN_DATE.matcher(date);
            if (russian.lookingAt()) {
                return LocalDate.of(Integer.parseInt(russian.group(3)), Integer.parseInt(russian.group(2)),
                        Integer.parseInt(russian.group(1)));
            }
            Matcher us = US_DATE.matcher(date);
            if (us.lookingAt()) {
                return LocalDate.of(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)),
                        Integer.parseInt(us.group(2)));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The reason in the server's screen message, where it names one; a reserved copy tells its own. */
    static Refusal refusal(Loan loan, String screenMessage) {
        String said = screenMessage == null ? "" : screenMessage.toLowerCase(Locale.ROOT);
        if (loan.reservedByOther() || containsAny(said, "hold", "reserv", "recall", "брон", "заказ", "резерв", "очеред",
                "ждёт", "ждет")) {
            return Refusal.RESERVED;
        }
        if (containsAny(said, "limit", "max", "too many", "лимит", "исчерпан", "превыш", "максим")) {
            return Refusal.RENEWALS_EXHAUSTED;
        }
        if (containsAny(said, "not checked out", "not charged", "not on loan", "не выдан", "не числится")) {
            return Refusal.NOT_ON_LOAN;
        }
        if (containsAny(said, "block", "fine", "debt", "заблок", "блокир", "задолж", "штраф")) {
            return Refusal.READER_BLOCKED;
        }
        if (containsAny(said, "overdue", "просроч")) {
            return Refusal.OVERDUE_TOO_LONG;
        }
        return Refusal.OTHER;
    }

    static boolean surnameMatches(String personalName, String surname) {
        if (personalName == null || surname == null) {
            return false;
        }
        String wanted = normalize(surname);
        if (wanted.isEmpty()) {
            return false;
        }
        for (String word : normalize(personalName).split(" ")) {
            if (word.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\- ]", " ").strip()
                .replaceAll("\\s+", " ");
    }

    private static boolean containsAny(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A value must not break the message's framing. */
    private static String clean(String value) {
        String cleaned = value.replace("|", "").replace("\r", "").replace("\n", "");
        if (cleaned.length() > 100) {
            throw new CirculationUnavailable("a SIP2 field longer than 100 characters");
        }
        return cleaned;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
