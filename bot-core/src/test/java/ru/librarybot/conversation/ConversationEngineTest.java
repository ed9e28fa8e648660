package ru.librarybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import ru.librarybot.testing.MemoryStore;

class ConversationEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private MemoryStore store;
    private final List<MessageHandled> published = new ArrayList<>();
    private final List<ReaderWrote> wrote = new ArrayList<>();
    private final ReaderKeys readerKeys = new ReaderKeys(ReaderKeys.newSecret());
    private Texts texts;

    @BeforeEach
    void startStore() {
        store = MemoryStore.start();
        ReloadableResourceBundleMessageSource bundle = new ReloadableResourceBundleMessageSource();
        bundle.setBasename("classpath:messages/bot");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        texts = new Texts(bundle);
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void aQuestionTheBotAskedIsStillAwaitedAfterARestart() {
        BookSearch search = new BookSearch();
        engine(search).handle(InboundMessage.button(Channel.TELEGRAM, "42", "AVAILABILITY"));

        Answer answer = engine(search).handle(InboundMessage.text(Channel.TELEGRAM, "42", "Мастер и Маргарита"));

        assertThat(answer.intent()).isEqualTo(Intent.AVAILABILITY);
        assertThat(search.queries).containsExactly("", "мастер и маргарита");
    }

    @Test
    void aReaderWhoComesBackMuchLaterIsNotHeldToTheOldQuestion() {
        BookSearch search = new BookSearch();
        engineAt(NOW, search).handle(InboundMessage.button(Channel.TELEGRAM, "42", "AVAILABILITY"));

        Answer answer = engineAt(NOW.plusSeconds(31 * 60), search)
                .handle(InboundMessage.text(Channel.TELEGRAM, "42", "во сколько вы работаете в субботу?"));

        assertThat(answer.intent()).isEqualTo(Intent.INFO);
        assertThat(search.queries).containsExactly("");
    }

    @Test
    void aCommandBreaksOffTheQuestionTheBotAsked() {
        BookSearch search = new BookSearch();
        ConversationEngine engine = engine(search);
        engine.handle(InboundMessage.button(Channel.VK, "7", "AVAILABILITY"));

        Answer answer = engine.handle(InboundMessage.text(Channel.VK, "7", "/start"));

        assertThat(answer.intent()).isEqualTo(Intent.HELP);
        assertThat(answer.replies().getFirst().buttons()).isNotEmpty();
    }

    @Test
    void aServiceNotConnectedYetIsSaidPlainlyAndCounted() {
        Answer answer = engine().handle(InboundMessage.text(Channel.WEBCHAT, "u1", "/loans"));

        assertThat(answer.intent()).isEqualTo(Intent.LOANS);
        assertThat(answer.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(((Reply.Text) answer.replies().getFirst()).text()).contains("книги на руках", "пока не подключена");
    }

    @Test
    void aButtonTheBotNeverOfferedIsRefused() {
        ConversationEngine engine = engine();

        assertThat(engine.isKnownButton("HELP")).isTrue();
        assertThat(engine.isKnownButton("DROP_TABLES")).isFalse();
        assertThat(engine.isKnownButton("HELP:something")).isFalse();
        assertThatThrownBy(() -> engine.handle(InboundMessage.button(Channel.WEBCHAT, "u1", "NOPE")))
                .isInstanceOf(UnknownButtonException.class);
        assertThat(published).isEmpty();
    }

    @Test
    void aButtonArgumentReachesTheCapability() {
        BookSearch search = new BookSearch();

        Answer answer = engine(search).handle(InboundMessage.button(Channel.WEBCHAT, "u1", "AVAILABILITY:more:2"));

        assertThat(answer.intent()).isEqualTo(Intent.AVAILABILITY);
        assertThat(search.queries).containsExactly("more:2");
    }

    @Test
    void aFailingCapabilityGivesTheReaderAnApologyAndIsCountedAsError() {
        IntentHandler broken = new IntentHandler() {
            public Set<Intent> intents() {
                return Set.of(Intent.EVENTS);
            }

            public Answer handle(Turn turn) {
                throw new IllegalStateException("catalog down");
            }
        };

        Answer answer = engine(broken).handle(InboundMessage.text(Channel.WEBCHAT, "u1", "/events"));

        assertThat(answer.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(((Reply.Text) answer.replies().getFirst()).text()).startsWith("Простите");
        assertThat(published).singleElement().extracting(MessageHandled::outcome).isEqualTo(Outcome.ERROR);
    }

    @Test
    void theInteractionEventCarriesAPseudonymNotThePlatformId() {
        engine().handle(InboundMessage.text(Channel.TELEGRAM, "123456789", "привет"));

        MessageHandled event = published.getFirst();
        assertThat(event.readerKey()).startsWith("telegram:").doesNotContain("123456789");
        assertThat(event.readerKey()).isEqualTo(readerKeys.of(Channel.TELEGRAM, "123456789"));
        assertThat(readerKeys.of(Channel.VK, "123456789")).isNotEqualTo(event.readerKey());
    }

    @Test
    void aPinTheBotAskedForNeverReachesTheInteractionLog() {
        IntentHandler cards = new IntentHandler() {
            public Set<Intent> intents() {
                return Set.of(Intent.LINK_CARD);
            }

            public Answer handle(Turn turn) {
                Answer answer = Answer.of(Intent.LINK_CARD, Outcome.ANSWERED, new Reply.Text("ok"));
                return turn.recognition().hasQuery() ? answer : answer.awaiting(Awaiting.CARD_CHECK);
            }
        };
        ConversationEngine engine = engine(cards);
        engine.handle(InboundMessage.text(Channel.WEBCHAT, "u1", "/card"));

        engine.handle(InboundMessage.text(Channel.WEBCHAT, "u1", "4321"));
        engine.handle(InboundMessage.text(Channel.WEBCHAT, "u1", "4321"));

        assertThat(published).extracting(MessageHandled::inboundText).containsExactly("/card", "•••", "4321");
    }

    @Test
    void aReaderAskedForTheirCardNumberWhoAsksSomethingElseGetsThatAnswered() {
        List<String> typed = new ArrayList<>();
        IntentHandler cards = new IntentHandler() {
            public Set<Intent> intents() {
                return Set.of(Intent.LINK_CARD);
            }

            public Answer handle(Turn turn) {
                typed.add(turn.text());
                return Answer.of(Intent.LINK_CARD, Outcome.ANSWERED, new Reply.Text("Напишите номер билета"))
                        .awaiting(Awaiting.CARD_NUMBER);
            }
        };
        ConversationEngine engine = engine(cards);
        engine.handle(InboundMessage.text(Channel.WEBCHAT, "u1", "/card"));

        Answer events = engine.handle(InboundMessage.text(Channel.WEBCHAT, "u1", "какие мероприятия будут на выходных"));
        engine.handle(InboundMessage.text(Channel.WEBCHAT, "u1", "/card"));
        Answer number = engine.handle(InboundMessage.text(Channel.WEBCHAT, "u1", "мой билет 1000001"));
        Answer notSure = engine.handle(InboundMessage.text(Channel.WEBCHAT, "u1", "не знаю где он"));

        assertThat(events.intent()).isEqualTo(Intent.EVENTS);
        assertThat(number.intent()).isEqualTo(Intent.LINK_CARD);
        assertThat(notSure.intent()).isEqualTo(Intent.LINK_CARD);
        assertThat(typed).containsExactly("/card", "/card", "мой билет 1000001", "не знаю где он");
        assertThat(published).extracting(MessageHandled::inboundText)
                .containsExactly("/card", "какие мероприятия будут на выходных", "/card", "•••", "•••");
    }

    @Test
    void onlyAPrivateChatIsRecordedAsWhereTheLibraryMayWriteToTheReader() {
        engine().handle(new InboundMessage(Channel.TELEGRAM, "-100500", "42", new InboundMessage.Content.Text("/help"), NOW));
        engine().handle(InboundMessage.text(Channel.TELEGRAM, "42", "привет"));

        assertThat(published).hasSize(2);
        assertThat(wrote).singleElement().extracting(ReaderWrote::chatId).isEqualTo("42");
    }

    @Test
    void twoCapabilitiesClaimingOneIntentFailAtStartUp() {
        assertThatThrownBy(() -> engine(new BookSearch(), new BookSearch()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AVAILABILITY");
    }

    private ConversationEngine engine(IntentHandler... capabilities) {
        return engineAt(NOW, capabilities);
    }

    private ConversationEngine engineAt(Instant now, IntentHandler... capabilities) {
        List<IntentHandler> handlers = new ArrayList<>(List.of(capabilities));
        handlers.add(new HelpHandler(texts));
        handlers.add(new UnknownHandler(texts));
        Dialogs dialogs = new Dialogs(store.repository(DialogRepository.class), false);
        return new ConversationEngine(new IntentRecognizer(), List.of(), handlers, dialogs, readerKeys,
                event -> {
                    if (event instanceof MessageHandled handled) {
                        published.add(handled);
                    } else if (event instanceof ReaderWrote readerWrote) {
                        wrote.add(readerWrote);
                    }
                }, texts,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A catalog stand-in that asks for the title when the reader named none. */
    private static final class BookSearch implements IntentHandler {
        final List<String> queries = new ArrayList<>();

        @Override
        public Set<Intent> intents() {
            return Set.of(Intent.AVAILABILITY);
        }

        @Override
        public boolean acceptsButton(Intent intent, String argument) {
            return argument.isEmpty() || argument.startsWith("more:");
        }

        @Override
        public Answer handle(Turn turn) {
            queries.add(turn.recognition().query());
            Answer answer = Answer.of(Intent.AVAILABILITY, Outcome.ANSWERED, new Reply.Text("ok"));
            return turn.recognition().hasQuery() ? answer : answer.awaiting(Awaiting.BOOK_QUERY);
        }
    }
}
