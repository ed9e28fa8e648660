package ru.librarybot.webchat.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.webchat.WebChatInbox;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.UnknownButtonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.json.JsonCompareMode.STRICT;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(properties = "librarybot.webchat.title=Библиотека имени Пушкина")
class MessagesApiTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConversationEngine engine;

    @MockitoBean
    WebChatInbox inbox;

    @Test
    void answersTypedTextWithIntentRepliesAndButtons() throws Exception {
        given(engine.handle(any())).willReturn(Answer.of(Intent.HELP, Outcome.ANSWERED,
                new Reply.Text("Здравствуйте!", List.of(new Button("Найти книгу", "AVAILABILITY"),
                        new Button("Меню", "HELP"))),
                new Reply.Text("Чем помочь?")));

        mvc.perform(post("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"reader-1\",\"text\":\"привет\"}"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"intent":"HELP","replies":[
                          {"text":"Здравствуйте!","buttons":[{"label":"Найти книгу","payload":"AVAILABILITY"},
                                                             {"label":"Меню","payload":"HELP"}]},
                          {"text":"Чем помочь?","buttons":[]}]}
                        """, STRICT));

        InboundMessage sent = sentMessage();
        assertThat(sent.channel()).isEqualTo(Channel.WEBCHAT);
        assertThat(sent.chatId()).isEqualTo("reader-1");
        assertThat(sent.userId()).isEqualTo("reader-1");
        assertThat(sent.content()).isEqualTo(new InboundMessage.Content.Text("привет"));
    }

    @Test
    void passesAPressedButtonAsItsPayload() throws Exception {
        given(engine.isKnownButton("INFO")).willReturn(true);
        given(engine.handle(any())).willReturn(Answer.of(Intent.INFO, Outcome.ANSWERED, new Reply.Text("Мы открыты")));

        mvc.perform(post("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"reader-1\",\"button\":\"INFO\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent").value("INFO"))
                .andExpect(jsonPath("$.replies[0].text").value("Мы открыты"));

        assertThat(sentMessage().content()).isEqualTo(new InboundMessage.Content.ButtonPress("INFO"));
    }

    @Test
    void rendersAnImageAsADataUrlWithItsAltTextAndNoText() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        given(engine.handle(any())).willReturn(Answer.of(Intent.INFO, Outcome.ANSWERED,
                new Reply.Image(png, "Схема проезда", List.of(new Button("Меню", "HELP")))));

        mvc.perform(post("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"reader-1\",\"text\":\"как пройти\"}"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"intent":"INFO","replies":[{"image":"data:image/png;base64,iVBORw==","alt":"Схема проезда",
                                                     "buttons":[{"label":"Меню","payload":"HELP"}]}]}
                        """, STRICT))
                .andExpect(jsonPath("$.replies[0].text").doesNotExist());
    }

    @Test
    void acceptsJsonWithACharsetAndLineBreaksInTheText() throws Exception {
        given(engine.handle(any())).willReturn(Answer.of(Intent.UNKNOWN, Outcome.NOT_FOUND, new Reply.Text("?")));

        mvc.perform(post("/api/webchat/messages").contentType("application/json;charset=UTF-8")
                        .content("{\"user\":\"a1B2.c3_d4:e5-f6\",\"text\":\"строка\\nвторая\\tс табуляцией\"}"))
                .andExpect(status().isOk());

        assertThat(sentMessage().content()).isEqualTo(new InboundMessage.Content.Text("строка\nвторая\tс табуляцией"));
    }

    @Test
    void answersInJsonWhateverTheClientAccepts() throws Exception {
        given(engine.handle(any())).willReturn(Answer.of(Intent.HELP, Outcome.ANSWERED, new Reply.Text("Меню")));

        mvc.perform(post("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML)
                        .content("{\"user\":\"reader-1\",\"text\":\"/start\"}"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.replies[0].text").value("Меню"));
    }

    @Test
    void acceptsTextOfExactlyTheMaximumLength() throws Exception {
        given(engine.handle(any())).willReturn(Answer.of(Intent.UNKNOWN, Outcome.NOT_FOUND, new Reply.Text("?")));

        mvc.perform(post("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"reader-1\",\"text\":\"" + "ж".repeat(4000) + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void givesThePageTheLibraryTitle() throws Exception {
        mvc.perform(get("/api/webchat/config"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"title\":\"Библиотека имени Пушкина\"}",
                        STRICT));
    }

    @Test
    void refusesAButtonTheEngineRejectsWhileAnswering() throws Exception {
        given(engine.isKnownButton("LOANS:42")).willReturn(true);
        given(engine.handle(any())).willThrow(new UnknownButtonException("LOANS:42"));

        mvc.perform(post("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"reader-1\",\"button\":\"LOANS:42\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("кнопка устарела")));
    }

    private InboundMessage sentMessage() {
        ArgumentCaptor<InboundMessage> sent = ArgumentCaptor.forClass(InboundMessage.class);
        verify(engine).handle(sent.capture());
        return sent.getValue();
    }
}
