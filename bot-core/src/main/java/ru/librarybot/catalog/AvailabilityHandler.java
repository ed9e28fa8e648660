package ru.librarybot.catalog;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Awaiting;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.IntentHandler;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.Texts;
import ru.librarybot.library.LibraryProfile;
import ru.librarybot.conversation.Turn;

/**
 * "Есть ли у вас …?": names the best matches and, per branch, how many copies are free now or when the nearest
 * comes back; offers where to take it, to be told when it is back, or to suggest buying it. A search that leaves
 * the reader without a copy is logged as a refusal.
 */
public class AvailabilityHandler implements IntentHandler {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityHandler.class);
    static final int PAGE = 3;
    static final int MAX_RESULTS = 9;
    private static final int MAX_TITLE_CHARS = 120;
    private static final Pattern MORE = Pattern.compile("more:[1-9]\\d?");
    private static final Pattern WATCH = Pattern.compile("watch:[A-Za-z0-9_-]{11}");
    /** Branch ids the library profile knows look like this; raw source codes ("ЧЗ", "CPL") are not offered. */
    private static final Pattern BRANCH_ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Texts.RUSSIAN);

    private final CatalogSearch search;
    private final TitleWatches watches;
    private final Refusals refusals;
    private final LastSearches lastSearches;
    private final Texts texts;
    private final LibraryProfile library;

    public AvailabilityHandler(CatalogSearch search, TitleWatches watches, Refusals refusals, LastSearches lastSearches,
                               Texts texts, LibraryProfile library) {
        this.library = library;
        this.search = search;
        this.watches = watches;
        this.refusals = refusals;
        this.lastSearches = lastSearches;
        this.texts = texts;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.AVAILABILITY);
    }

    @Override
    public boolean acceptsButton(Intent intent, String argument) {
        return argument.isEmpty() || MORE.matcher(argument).matches() || WATCH.matcher(argument).matches();
    }

    @Override
    public Answer handle(Turn turn) {
        String argument = turn.recognition().query();
        try {
            if (turn.pressed() && argument.startsWith("more:")) {
                return more(turn.readerKey(), Integer.parseInt(argument.substring("more:".length())));
            }
            if (turn.pressed() && argument.startsWith("watch:")) {
                return watch(turn.readerKey(), argument.substring("watch:".length()));
            }
            String query = turn.pressed() ? "" : argument;
            if (ReaderQuery.strip(query).isEmpty()) {
                return Answer.of(Intent.AVAILABILITY, Outcome.ANSWERED, new Reply.Text(texts.get("catalog.ask")))
                        .awaiting(Awaiting.BOOK_QUERY);
            }
            return find(turn.readerKey(), query);
        } catch (CatalogUnavailableException e) {
            log.warn("Catalog search failed: {}", e.getMessage());
            return Answer.of(Intent.AVAILABILITY, Outcome.ERROR, new Reply.Text(texts.get("catalog.unavailable"),
                    List.of(menuButton())));
        }
    }

    private Answer find(String readerKey, String query) {
        String words = ReaderQuery.strip(query);
        String shown = abbreviate(words, 80);
        lastSearches.remember(readerKey, query);
        List<Title> found = search.search(query, MAX_RESULTS);
        if (found.isEmpty()) {
            refusals.record(words, null);
            return Answer.of(Intent.AVAILABILITY, Outcome.NOT_FOUND, new Reply.Text(
                    texts.get("catalog.notFound", shown),
                    List.of(Button.of(texts.get("button.catalog.wish"), Intent.WISH), menuButton())));
        }
        Title best = found.getFirst();
        boolean free = best.freeCopies() > 0;
        if (!free) {
            refusals.record(words, best);
        }
        return Answer.of(Intent.AVAILABILITY, free ? Outcome.ANSWERED : Outcome.NOT_FOUND,
                page(found, 0, "catalog.found"));
    }

    private Answer more(String readerKey, int offset) {
        Optional<String> query = lastSearches.last(readerKey);
        if (query.isEmpty()) {
            return Answer.of(Intent.AVAILABILITY, Outcome.NOT_FOUND, new Reply.Text(texts.get("catalog.askAgain")))
                    .awaiting(Awaiting.BOOK_QUERY);
        }
        List<Title> found = search.search(query.get(), MAX_RESULTS);
        if (offset >= found.size()) {
            return Answer.of(Intent.AVAILABILITY, Outcome.NOT_FOUND,
                    new Reply.Text(texts.get("catalog.noMore"), List.of(menuButton()))).awaiting(Awaiting.BOOK_QUERY);
        }
        boolean anyFree = found.subList(offset, Math.min(found.size(), offset + PAGE)).stream()
                .anyMatch(t -> t.freeCopies() > 0);
        return Answer.of(Intent.AVAILABILITY, anyFree ? Outcome.ANSWERED : Outcome.NOT_FOUND,
                page(found, offset, "catalog.foundMore"));
    }

    private Answer watch(String readerKey, String key) {
        Optional<Title> title = search.byKey(key);
        if (title.isEmpty()) {
            return Answer.of(Intent.AVAILABILITY, Outcome.NOT_FOUND, new Reply.Text(texts.get("catalog.watch.gone")))
                    .awaiting(Awaiting.BOOK_QUERY);
        }
        Title t = title.get();
        if (t.freeCopies() > 0) {
            StringBuilder text = new StringBuilder(texts.get("catalog.watch.free", displayTitle(t)));
            for (BranchAvailability branch : t.availability()) {
                text.append('\n').append(branchLine(branch));
            }
            List<Button> buttons = new ArrayList<>(whereButtons(t));
            buttons.add(menuButton());
            return Answer.of(Intent.AVAILABILITY, Outcome.ANSWERED, new Reply.Text(text.toString(), buttons));
        }
        watches.watch(readerKey, t);
        return Answer.of(Intent.AVAILABILITY, Outcome.ANSWERED,
                new Reply.Text(texts.get("catalog.watch.done", displayTitle(t)), List.of(menuButton())));
    }

    private Reply page(List<Title> found, int offset, String header) {
        int end = Math.min(found.size(), offset + PAGE);
        StringBuilder text = new StringBuilder(texts.get(header));
        for (int i = offset; i < end; i++) {
            Title title = found.get(i);
            text.append("\n\n").append(texts.get("catalog.title", i + 1, titleLine(title)));
            List<BranchAvailability> branches = title.availability();
            if (branches.isEmpty()) {
                text.append('\n').append(texts.get("catalog.noCopies"));
            }
            for (BranchAvailability branch : branches) {
                text.append('\n').append(branchLine(branch));
            }
        }
        Title first = found.get(offset);
        List<Button> buttons = new ArrayList<>(whereButtons(first));
        if (search.tracksReturns() && first.freeCopies() == 0 && first.heldCopies() > 0) {
            buttons.add(Button.of(texts.get("button.catalog.watch"), Intent.AVAILABILITY, "watch:" + first.key()));
        }
        if (end < found.size()) {
            buttons.add(Button.of(texts.get("button.catalog.more"), Intent.AVAILABILITY, "more:" + end));
        }
        buttons.add(menuButton());
        return new Reply.Text(text.toString(), buttons);
    }

    private String branchLine(BranchAvailability branch) {
        String name = branchName(branch.branchId());
        if (branch.free() > 0) {
            return texts.get("catalog.branch.free", name, branch.free());
        }
        if (branch.readingRoomOnly() > 0) {
            return texts.get("catalog.branch.readingRoom", name, branch.readingRoomOnly());
        }
        if (branch.onLoan() > 0) {
            return branch.nearestDue() == null ? texts.get("catalog.branch.onLoan", name)
                    : texts.get("catalog.branch.onLoanUntil", name, DAY.format(branch.nearestDue()));
        }
        return texts.get("catalog.branch.inProcessing", name);
    }

    /** "Где взять" for the branches with a free copy; they open the library's address and today's hours. */
    private List<Button> whereButtons(Title title) {
        List<Button> buttons = new ArrayList<>();
        for (BranchAvailability branch : title.availability()) {
            if (branch.hasFree() && BRANCH_ID.matcher(branch.branchId()).matches() && buttons.size() < 2) {
                Button button = Button.of(texts.get("button.catalog.where", branchName(branch.branchId())),
                        Intent.INFO, "branch:" + branch.branchId());
                if (button.payload().getBytes(StandardCharsets.UTF_8).length <= 64) {
                    buttons.add(button);
                }
            }
        }
        return buttons;
    }

    private String branchName(String branchId) {
        return library.branchName(branchId);
    }

    private String titleLine(Title title) {
        String name = abbreviate(title.title(), MAX_TITLE_CHARS);
        String line = title.firstAuthor() == null ? texts.get("catalog.title.plain", name)
                : texts.get("catalog.title.byAuthor", title.firstAuthor(), name);
        return title.year() == null ? line : texts.get("catalog.title.year", line, title.year());
    }

    private static String displayTitle(Title title) {
        return abbreviate(title.title(), MAX_TITLE_CHARS);
    }

    private Button menuButton() {
        return Button.of(texts.get("button.menu"), Intent.HELP);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
