package ru.librarybot.library;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.IntentHandler;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.Texts;
import ru.librarybot.conversation.Turn;

/**
 * Answers questions about the library — hours today or on a given day, addresses, phones, registration, prices,
 * the FAQ — from the library profile and the clock, in the library's own time zone.
 */
@Component
class InfoHandler implements IntentHandler {

    private static final String HOURS = "hours";
    private static final String ADDRESS = "address";
    private static final String REGISTER = "register";
    private static final String PRICES = "prices";
    private static final String BRANCH = "branch:";
    private static final List<String> TOPICS = List.of(HOURS, ADDRESS, REGISTER, PRICES);

    private final LibraryProfile profile;
    private final Texts texts;
    private final Clock clock;
    private final InfoQuestionParser parser;
    private final InfoReplies replies;

    InfoHandler(LibraryProfile profile, Texts texts, Clock clock) {
        this.profile = profile;
        this.texts = texts;
        this.clock = clock;
        this.parser = new InfoQuestionParser(profile);
        this.replies = new InfoReplies(profile, texts);
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.INFO);
    }

    @Override
    public boolean acceptsButton(Intent intent, String argument) {
        if (intent != Intent.INFO) {
            return false;
        }
        if (argument.startsWith(BRANCH)) {
            return profile.branch(argument.substring(BRANCH.length())).isPresent();
        }
        return argument.isEmpty() || TOPICS.contains(argument);
    }

    @Override
    public Answer handle(Turn turn) {
        ZonedDateTime now = clock.instant().atZone(profile.zone());
        InfoQuestion question = turn.pressed() ? pressed(turn.recognition().query()) : typed(turn, now);
        String text = switch (question) {
            case InfoQuestion.OpenNow(List<Branch> branches) -> replies.openNow(branches, now);
            case InfoQuestion.HoursOn(var days, List<Branch> branches) ->
                    replies.hoursOn(days, branches, now.toLocalDate());
            case InfoQuestion.Weekly(List<Branch> branches) -> replies.weekly(branches, now.toLocalDate());
            case InfoQuestion.Holidays(List<Branch> branches) -> replies.holidays(branches, now.toLocalDate());
            case InfoQuestion.Addresses(List<Branch> branches) -> replies.addresses(branches);
            case InfoQuestion.Phones(List<Branch> branches) -> replies.phones(branches);
            case InfoQuestion.Registration() -> replies.registration();
            case InfoQuestion.Prices(List<Price> prices) -> replies.prices(prices);
            case InfoQuestion.Faq(FaqEntry entry) -> entry.answer();
            case InfoQuestion.BranchCard(Branch branch) -> replies.branchCard(branch, now);
            case InfoQuestion.Overview(boolean understood) -> replies.overview(understood, now);
        };
        Outcome outcome = question instanceof InfoQuestion.Overview(boolean understood) && !understood
                ? Outcome.NOT_FOUND : Outcome.ANSWERED;
        return Answer.of(Intent.INFO, outcome, new Reply.Text(text, buttons(question)));
    }

    private InfoQuestion pressed(String argument) {
        if (argument.startsWith(BRANCH)) {
            return profile.branch(argument.substring(BRANCH.length()))
                    .<InfoQuestion>map(InfoQuestion.BranchCard::new)
                    .orElseGet(() -> new InfoQuestion.Overview(true));
        }
        return switch (argument) {
            case HOURS -> new InfoQuestion.Weekly(profile.branches());
            case ADDRESS -> new InfoQuestion.Addresses(profile.branches());
            case REGISTER -> new InfoQuestion.Registration();
            case PRICES -> new InfoQuestion.Prices(profile.prices());
            default -> new InfoQuestion.Overview(true);
        };
    }

    /** A typed question; a bare command such as /info or /hours gets the overview or the week. */
    private InfoQuestion typed(Turn turn, ZonedDateTime now) {
        String text = turn.text().isBlank() ? turn.recognition().query() : turn.text().strip();
        if (text.startsWith("/")) {
            String[] parts = text.split("\\s+", 2);
            if (parts.length == 1 || parts[1].isBlank()) {
                return parts[0].startsWith("/hours") ? new InfoQuestion.Weekly(profile.branches())
                        : new InfoQuestion.Overview(true);
            }
            text = parts[1];
        }
        return text.isBlank() ? new InfoQuestion.Overview(true) : parser.parse(text, now.toLocalDate());
    }

    /** The other topics to go on with; the overview also offers each branch. */
    private List<Button> buttons(InfoQuestion question) {
        String answered = switch (question) {
            case InfoQuestion.Weekly w -> HOURS;
            case InfoQuestion.Addresses a -> ADDRESS;
            case InfoQuestion.Registration r -> REGISTER;
            case InfoQuestion.Prices p -> p.prices().equals(profile.prices()) ? PRICES : "";
            default -> "";
        };
        List<Button> buttons = new ArrayList<>();
        for (String topic : TOPICS) {
            if (!topic.equals(answered)) {
                buttons.add(Button.of(texts.get("library.button." + topic), Intent.INFO, topic));
            }
        }
        if (question instanceof InfoQuestion.Overview) {
            profile.branches().forEach(b -> buttons.add(Button.of(b.name(), Intent.INFO, BRANCH + b.id())));
        }
        buttons.add(Button.of(texts.get("button.menu"), Intent.HELP));
        return buttons;
    }
}
