package ru.librarybot.library;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a reader's question about the library: which topic, which days, which branches. Each topic scores the
 * words that point to it and the highest wins; the library's FAQ words count double, being the most specific, so
 * "работает ли wi-fi" goes to the FAQ, not to the hours.
 */
final class InfoQuestionParser {

    /** Enough for any real question; keeps a pasted novel from costing much. */
    private static final int MAX_LENGTH = 1000;
    private static final int HORIZON_DAYS = 400;

    private static final List<String> HOURS = List.of("работ", "открыт", "открыв", "открое", "закрыт", "закрыв",
            "закрое", "часы", "часов", "режим", "график", "расписан", "скольки", "обед", "перерыв", "выходной",
            "выходного", "санитарн", "когда", "дни", "дням");
    private static final List<String> WEEKLY = List.of("часы", "часов", "режим", "график", "расписан", "обед",
            "перерыв", "выходной", "выходного", "санитарн", "дни", "дням");
    private static final List<String> HOLIDAYS = List.of("праздник", "праздничн", "новогодн", "каникул");
    private static final List<String> ADDRESS = List.of("адрес", "где", "находит", "наход", "располож", "добрат",
            "доехат", "доеха", "дойти", "пройти", "проехат", "проезд", "транспорт", "автобус", "маршрут", "остановк");
    private static final List<String> PHONE = List.of("телефон", "позвон", "звонит", "контакт", "почт", "e-mail",
            "email", "сайт", "связат");
    private static final List<String> REGISTER = List.of("записат", "записыва", "запишу", "запишусь", "запишит",
            "запись", "регистрац", "зарегистр", "читательск", "билет", "оформит", "оформлен", "читателем", "паспорт",
            "документ");
    private static final List<String> PRICES = List.of("стоит", "стоимост", "цена", "цены", "цену", "ценам",
            "ценник", "платн", "прайс", "расценк", "тариф", "рубл", "деньг");

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("понедельник", DayOfWeek.MONDAY), Map.entry("вторник", DayOfWeek.TUESDAY),
            Map.entry("среда", DayOfWeek.WEDNESDAY), Map.entry("среду", DayOfWeek.WEDNESDAY),
            Map.entry("среды", DayOfWeek.WEDNESDAY), Map.entry("средам", DayOfWeek.WEDNESDAY),
            Map.entry("четверг", DayOfWeek.THURSDAY), Map.entry("пятниц", DayOfWeek.FRIDAY),
            Map.entry("суббот", DayOfWeek.SATURDAY), Map.entry("воскресен", DayOfWeek.SUNDAY));
    private static final List<String> WEEKEND = List.of("выходные", "выходных", "выходным");

    private static final String MONTHS = "(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)";
    private static final Pattern WORD_DATE = Pattern.compile("(?<![\\p{N}])(\\d{1,2})(?:-?го)?\\s+" + MONTHS
            + "\\p{L}*(?:\\s+(\\d{4}))?");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\p{N}.])(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{2}|\\d{4}))?(?![\\p{N}])");
    private static final List<String> MONTH_STEMS = List.of("январ", "феврал", "март", "апрел", "ма", "июн", "июл",
            "август", "сентябр", "октябр", "ноябр", "декабр");

    private enum Topic {
        // the order breaks ties
        FAQ, HOURS, REGISTER, PRICES, PHONE, ADDRESS
    }

    private final LibraryProfile profile;

    InfoQuestionParser(LibraryProfile profile) {
        this.profile = profile;
    }

    InfoQuestion parse(String text, LocalDate today) {
        String clipped = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        List<String> tokens = Words.tokens(clipped);
        List<Branch> named = namedBranches(tokens);
        List<Branch> scope = named.isEmpty() ? profile.branches() : named;
        List<LocalDate> days = days(Words.normalize(clipped), tokens, today);
        boolean holidays = Words.stemHits(tokens, HOLIDAYS) > 0;

        FaqEntry faq = null;
        int faqScore = 0;
        for (FaqEntry entry : profile.faq()) {
            int score = entry.keywords().stream().mapToInt(k -> Words.phraseScore(tokens, k)).sum();
            if (score > faqScore) {
                faq = entry;
                faqScore = score;
            }
        }
        List<Price> namedPrices = namedPrices(tokens);
        int priceWords = Words.stemHits(tokens, PRICES);

        Map<Topic, Integer> scores = Map.of(
                Topic.FAQ, 2 * faqScore,
                Topic.HOURS, (days.isEmpty() && !holidays ? 0 : 1) + Words.stemHits(tokens, HOURS),
                Topic.REGISTER, Words.stemHits(tokens, REGISTER),
                Topic.PRICES, priceWords + (priceWords > 0 && !namedPrices.isEmpty() ? 1 : 0),
                Topic.PHONE, Words.stemHits(tokens, PHONE),
                Topic.ADDRESS, Words.stemHits(tokens, ADDRESS));
        Topic topic = null;
        for (Topic candidate : Topic.values()) {
            if (scores.get(candidate) > 0 && (topic == null || scores.get(candidate) > scores.get(topic))) {
                topic = candidate;
            }
        }
        if (topic == null) {
            if (named.size() == 1) {
                return new InfoQuestion.BranchCard(named.getFirst());
            }
            return named.isEmpty() ? new InfoQuestion.Overview(false) : new InfoQuestion.Addresses(named);
        }
        return switch (topic) {
            case FAQ -> new InfoQuestion.Faq(faq);
            case HOURS -> hours(tokens, days, holidays, scope, today);
            case REGISTER -> new InfoQuestion.Registration();
            case PRICES -> new InfoQuestion.Prices(namedPrices.isEmpty() ? profile.prices() : namedPrices);
            case PHONE -> new InfoQuestion.Phones(scope);
            case ADDRESS -> new InfoQuestion.Addresses(scope);
        };
    }

    private static InfoQuestion hours(List<String> tokens, List<LocalDate> days, boolean holidays, List<Branch> scope,
                                      LocalDate today) {
        if (days.isEmpty()) {
            if (holidays) {
                return new InfoQuestion.Holidays(scope);
            }
            return Words.stemHits(tokens, WEEKLY) > 0 ? new InfoQuestion.Weekly(scope) : new InfoQuestion.OpenNow(scope);
        }
        if (days.equals(List.of(today)) && (tokens.contains("сегодня") || tokens.contains("сейчас"))) {
            return new InfoQuestion.OpenNow(scope);
        }
        return new InfoQuestion.HoursOn(days, scope);
    }

    /** The branches the reader named; when several aliases fit, the one matching more words wins. */
    private List<Branch> namedBranches(List<String> tokens) {
        List<Branch> best = new ArrayList<>();
        int bestScore = 0;
        for (Branch branch : profile.branches()) {
            List<String> names = new ArrayList<>(branch.aliases());
            names.add(branch.name());
            int score = names.stream().mapToInt(name -> Words.phraseScore(tokens, name)).max().orElse(0);
            if (score > bestScore) {
                best.clear();
                bestScore = score;
            }
            if (score > 0 && score == bestScore) {
                best.add(branch);
            }
        }
        return List.copyOf(best);
    }

    private List<Price> namedPrices(List<String> tokens) {
        return profile.prices().stream()
                .filter(price -> Words.tokens(price.name()).stream()
                        .filter(word -> word.length() >= 4)
                        .anyMatch(word -> tokens.stream().anyMatch(token -> Words.sameWord(token, word))))
                .toList();
    }

    /** The dates the reader named: today, tomorrow, weekdays (the coming one), the weekend, "31 декабря", "31.12". */
    private static List<LocalDate> days(String normalized, List<String> tokens, LocalDate today) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (String token : tokens) {
            switch (token) {
                case "сегодня", "сейчас" -> days.add(today);
                case "завтра" -> days.add(today.plusDays(1));
                case "послезавтра" -> days.add(today.plusDays(2));
                default -> {
                    if (WEEKEND.contains(token)) {
                        days.add(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)));
                        days.add(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
                    }
                    WEEKDAYS.entrySet().stream()
                            .filter(e -> e.getKey().length() <= 5 ? token.equals(e.getKey()) : token.startsWith(e.getKey()))
                            .findFirst()
                            .ifPresent(e -> days.add(today.with(TemporalAdjusters.nextOrSame(e.getValue()))));
                }
            }
        }
        Matcher words = WORD_DATE.matcher(normalized);
        while (words.find()) {
            int month = monthOf(words.group(2));
            date(today, words.group(1), month, words.group(3)).ifPresent(days::add);
        }
        Matcher numeric = NUMERIC_DATE.matcher(normalized);
        while (numeric.find()) {
            int month = Integer.parseInt(numeric.group(2));
            date(today, numeric.group(1), month, numeric.group(3)).ifPresent(days::add);
        }
        return days.stream().filter(d -> !d.isBefore(today) && d.isBefore(today.plusDays(HORIZON_DAYS)))
                .sorted(Comparator.naturalOrder()).toList();
    }

    private static int monthOf(String stem) {
        for (int i = 0; i < MONTH_STEMS.size(); i++) {
            if (stem.startsWith(MONTH_STEMS.get(i))) {
                return i + 1;
            }
        }
        throw new IllegalStateException("the month pattern and stems disagree on " + stem);
    }

    /** A day without a year is the next one to come: "5 января" asked in December is next January. */
    private static Optional<LocalDate> date(LocalDate today, String day, int month, String year) {
        try {
            if (year != null) {
                int y = Integer.parseInt(year);
                return Optional.of(LocalDate.of(y < 100 ? 2000 + y : y, month, Integer.parseInt(day)));
            }
            LocalDate date = LocalDate.of(today.getYear(), month, Integer.parseInt(day));
            return Optional.of(date.isBefore(today) ? date.plusYears(1) : date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
