package ru.librarybot.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;

class WebChatBusyTest {

    @Test
    void aMessageBeyondWhatTheBotAnswersAtOnceIsRefusedAsBusyAndTheOthersAreAnswered() throws Exception {
        ConversationEngine engine = mock(ConversationEngine.class);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(engine.handle(any(InboundMessage.class))).thenAnswer(call -> {
            inside.countDown();
            release.await();
            return new Answer(Intent.HELP, Outcome.ANSWERED, List.of(), null);
        });
        WebChat webChat = new WebChat(engine, mock(WebChatInbox.class), 1);
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Answer> first = readers.submit(() -> webChat.receive("anna", new InboundMessage.Content.Text("привет")));
            inside.await();

            assertThatThrownBy(() -> webChat.receive("boris", new InboundMessage.Content.Text("привет")))
                    .isInstanceOf(BotBusy.class);
            release.countDown();
            assertThat(first.get().intent()).isEqualTo(Intent.HELP);
        }
    }
}
