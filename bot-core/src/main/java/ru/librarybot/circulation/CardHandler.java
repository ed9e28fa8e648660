package ru.librarybot.circulation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Awaiting;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.IntentHandler;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.Texts;
import ru.librarybot.conversation.Turn;

/**
 * "My card": linking a library card (number, then PIN or surname, checked by the circulation system), the
 * reminder settings, unlinking, and /forget.
 */
@Component
class CardHandler implements IntentHandler {

    private static final Set<String> BUTTONS = Set.of("", "unlink", "forget", "forget-yes", "reminders",
            "r-before", "r-due", "r-overdue", "r-here");
    private static final int MAX_SECRET = 100;
    /** As long as the engine holds a reader to the bot's question. */
    private static final Duration ANSWER_EXPECTED_WITHIN = Duration.ofMinutes(30);

    private final Readers readers;
    private final CardLinking linking;
    private final CirculationSource source;
    private final LoanDesk desk;
    private final Forgetting forgetting;
    private final Texts texts;
    private final CardCheck check;
    private final int daysBefore;
    private final Clock clock;

    CardHandler(Readers readers, CardLinking linking, CirculationSource source, LoanDesk desk, Forgetting forgetting,
                Texts texts, CirculationSettings settings, Clock clock,
                @Value("${librarybot.reminders.days-before:3}") int daysBefore) {
        this.clock = clock;
        this.readers = readers;
        this.linking = linking;
        this.source = source;
        this.desk = desk;
        this.forgetting = forgetting;
        this.texts = texts;
        this.check = settings.cardCheck();
        this.daysBefore = daysBefore;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.LINK_CARD);
    }

    @Override
    public boolean acceptsButton(Intent intent, String argument) {
        return BUTTONS.contains(argument);
    }

    @Override
    public Answer handle(Turn turn) {
        if (turn.pressed()) {
            return pressed(turn, turn.recognition().query());
        }
        String text = turn.text().strip();
        String command = text.toLowerCase(Locale.ROOT);
        if (command.startsWith("/forget")) {
            return confirmForget();
        }
        boolean answering = !command.startsWith("/")
                && turn.dialog().isAwaiting(clock.instant().minus(ANSWER_EXPECTED_WITHIN));
        if (answering && turn.dialog().awaiting() == Awaiting.CARD_NUMBER) {
            return cardNumber(turn, text);
        }
        if (answering && turn.dialog().awaiting() == Awaiting.CARD_CHECK) {
            return cardCheck(turn, text);
        }
        return myCard(turn);
    }

    /** Asks for the card number, remembering what the reader wanted (e.g. "LOANS", "RENEW:all") to do it after. */
    Answer startLinking(Turn turn, Intent intent, String then) {
        Duration locked = linking.lockedFor(turn.readerKey());
        if (!locked.isZero()) {
            return lockedAnswer(intent, locked);
        }
        linking.begin(turn.readerKey(), then);
        List<Reply> replies = new ArrayList<>();
        if (then != null) {
            replies.add(new Reply.Text(texts.get("link.needed." + intent.name())));
        }
        replies.add(new Reply.Text(texts.get("link.askCard"), List.of(menu())));
        return new Answer(intent, Outcome.ANSWERED, replies, Awaiting.CARD_NUMBER);
    }

    private Answer pressed(Turn turn, String argument) {
        if (argument.equals("forget")) {
            return confirmForget();
        }
        if (argument.equals("forget-yes")) {
            forgetting.forget(turn.readerKey());
            return answer(Outcome.ANSWERED, new Reply.Text(texts.get("forget.done"), List.of(menu())));
        }
        Optional<Reader> reader = readers.byReaderKey(turn.readerKey());
        if (reader.isEmpty()) {
            return myCard(turn);
        }
        return switch (argument) {
            case "unlink" -> {
                readers.unlink(turn.readerKey());
                yield answer(Outcome.ANSWERED, new Reply.Text(texts.get("card.unlinked", readers.card(reader.get()).masked()),
                        List.of(Button.of(texts.get("button.linkCard"), Intent.LINK_CARD), menu())));
            }
            case "reminders" -> reminderSettings(turn, reader.get());
            case "r-before" -> reminderSettings(turn, readers.choose(reader.get(), reader.get().reminders().toggled("before")));
            case "r-due" -> reminderSettings(turn, readers.choose(reader.get(), reader.get().reminders().toggled("due")));
            case "r-overdue" -> reminderSettings(turn, readers.choose(reader.get(), reader.get().reminders().toggled("overdue")));
            case "r-here" -> reminderSettings(turn, readers.remindVia(reader.get(), turn.readerKey()));
            default -> myCard(turn);
        };
    }

    private Answer myCard(Turn turn) {
        Optional<Reader> reader = readers.byReaderKey(turn.readerKey());
        if (reader.isEmpty()) {
            return startLinking(turn, Intent.LINK_CARD, null);
        }
        return answer(Outcome.ANSWERED, new Reply.Text(texts.get("card.linked", readers.card(reader.get()).masked()),
                List.of(Button.of(texts.get("button.loans"), Intent.LOANS),
                        Button.of(texts.get("button.reminders"), Intent.LINK_CARD, "reminders"),
                        Button.of(texts.get("button.unlink"), Intent.LINK_CARD, "unlink"),
                        Button.of(texts.get("button.forget"), Intent.LINK_CARD, "forget"),
                        menu())));
    }

    private Answer cardNumber(Turn turn, String typed) {
        Optional<CardNumber> card = CardNumber.parse(typed);
        if (card.isEmpty()) {
            return answer(Outcome.NOT_FOUND, new Reply.Text(texts.get("link.badNumber"), List.of(menu())))
                    .awaiting(Awaiting.CARD_NUMBER);
        }
        linking.cardEntered(turn.readerKey(), card.get());
        return answer(Outcome.ANSWERED, new Reply.Text(texts.get("link.askCheck." + check.name()), List.of(menu())))
                .awaiting(Awaiting.CARD_CHECK);
    }

    private Answer cardCheck(Turn turn, String secret) {
        Duration locked = linking.lockedFor(turn.readerKey());
        if (!locked.isZero()) {
            return lockedAnswer(Intent.LINK_CARD, locked);
        }
        Optional<CardLinking.Pending> pending = linking.pending(turn.readerKey());
        if (pending.isEmpty() || pending.get().card() == null) {
            if (pending.isEmpty()) {
                linking.begin(turn.readerKey(), null);
            }
            return answer(Outcome.ANSWERED, new Reply.Text(texts.get("link.expired"), List.of(menu())))
                    .awaiting(Awaiting.CARD_NUMBER);
        }
        if (secret.isEmpty()) {
            return answer(Outcome.ANSWERED, new Reply.Text(texts.get("link.emptyCheck",
                    texts.get("link.check." + check.name())), List.of(menu()))).awaiting(Awaiting.CARD_CHECK);
        }
        CardNumber card = pending.get().card();
        boolean verified;
        try {
            verified = secret.length() <= MAX_SECRET && source.verify(card, check, secret);
        } catch (CirculationUnavailable e) {
            return desk.unavailable(Intent.LINK_CARD, e);
        }
        if (!verified) {
            int attemptsLeft = linking.failed(turn.readerKey());
            if (attemptsLeft == 0) {
                return lockedAnswer(Intent.LINK_CARD, CardLinking.LOCK);
            }
            linking.askAgain(turn.readerKey());
            return answer(Outcome.NOT_FOUND, new Reply.Text(texts.get("link.mismatch." + check.name(), attemptsLeft),
                    List.of(menu()))).awaiting(Awaiting.CARD_NUMBER);
        }
        Reader reader = readers.link(turn.readerKey(), card);
        linking.finish(turn.readerKey());
        return afterLinking(reader, pending.get().then(), texts.get("link.done", card.masked()));
    }

    private Answer afterLinking(Reader reader, String then, String done) {
        if (then == null) {
            return answer(Outcome.ANSWERED, new Reply.Text(done, List.of(
                    Button.of(texts.get("button.loans"), Intent.LOANS),
                    Button.of(texts.get("button.reminders"), Intent.LINK_CARD, "reminders"), menu())));
        }
        List<Reply> before = List.of(new Reply.Text(done));
        Answer asked = then.startsWith(Intent.RENEW.name() + ":")
                ? desk.renew(reader, then.substring(Intent.RENEW.name().length() + 1), before)
                : desk.loans(reader, then.equals(Intent.RENEW.name()) ? Intent.RENEW : Intent.LOANS, before);
        // the answer is counted as the linking it completed; its replies are what the reader asked for
        return new Answer(Intent.LINK_CARD, asked.outcome(), asked.replies(), null);
    }

    private Answer reminderSettings(Turn turn, Reader reader) {
        ReminderChoices choices = reader.reminders();
        String text = texts.get("reminders.settings", mark(choices.beforeDue()), daysBefore, mark(choices.dueDay()),
                mark(choices.overdue()), channel(turn.readerKey(), reader));
        List<Button> buttons = new ArrayList<>(List.of(
                Button.of(texts.get("button.reminder.before", daysBefore, onOff(choices.beforeDue())), Intent.LINK_CARD,
                        "r-before"),
                Button.of(texts.get("button.reminder.due", onOff(choices.dueDay())), Intent.LINK_CARD, "r-due"),
                Button.of(texts.get("button.reminder.overdue", onOff(choices.overdue())), Intent.LINK_CARD,
                        "r-overdue")));
        if (!reader.reminderAccounts().isEmpty() && !reader.reminderAccounts().getFirst().equals(turn.readerKey())) {
            buttons.add(Button.of(texts.get("button.remindHere"), Intent.LINK_CARD, "r-here"));
        }
        buttons.add(Button.of(texts.get("button.myCard"), Intent.LINK_CARD));
        return answer(Outcome.ANSWERED, new Reply.Text(text, buttons));
    }

    private String channel(String readerKey, Reader reader) {
        List<String> accounts = reader.reminderAccounts();
        if (accounts.isEmpty()) {
            return texts.get("reminders.channel.none");
        }
        String first = accounts.getFirst();
        if (first.equals(readerKey)) {
            return texts.get("reminders.channel.here");
        }
        String channel = first.substring(0, Math.max(0, first.indexOf(':')));
        return texts.getOrDefault("reminders.channel." + channel, "reminders.channel.none");
    }

    private String mark(boolean on) {
        return texts.get(on ? "reminders.mark.on" : "reminders.mark.off");
    }

    private String onOff(boolean on) {
        return texts.get(on ? "reminder.on" : "reminder.off");
    }

    private Answer confirmForget() {
        return answer(Outcome.ANSWERED, new Reply.Text(texts.get("forget.confirm"), List.of(
                Button.of(texts.get("button.forgetYes"), Intent.LINK_CARD, "forget-yes"), menu())));
    }

    private Answer lockedAnswer(Intent intent, Duration locked) {
        long minutes = Math.max(1, (locked.toSeconds() + 59) / 60);
        return new Answer(intent, Outcome.ANSWERED, List.of(new Reply.Text(texts.get("link.locked", minutes),
                List.of(Button.of(texts.get("button.info"), Intent.INFO), menu()))), null);
    }

    private Answer answer(Outcome outcome, Reply reply) {
        return new Answer(Intent.LINK_CARD, outcome, List.of(reply), null);
    }

    private Button menu() {
        return Button.of(texts.get("button.menu"), Intent.HELP);
    }
}
