package ru.librarybot.webchat.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.webchat.WebChatInbox;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every way a request can be wrong gets a 4xx with a reason, and the engine never hears of it. */
@WebMvcTest
class RefusedMessagesTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConversationEngine engine;

    @MockitoBean
    WebChatInbox inbox;

    @AfterEach
    void engineNeverAnswered() {
        verify(engine, never()).handle(any());
    }

    @Test
    void refusesAnEmptyText() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Сообщение пустое. Напишите, пожалуйста, ваш вопрос."));
    }

    @Test
    void refusesATextOfOnlySpacesAndInvisibleCharacters() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":\" \\n\\t\\u00a0\\u200b \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Сообщение пустое")));
    }

    @Test
    void refusesATextOneCharacterOverTheLimitSayingHowLongItIs() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":\"" + "ж".repeat(4001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(
                        "Сообщение слишком длинное. Его длина — 4001, а можно не больше 4000 знаков. "
                                + "Сократите его или разделите на несколько сообщений."));
    }

    @Test
    void refusesATenThousandCharacterTextAsTooLongRatherThanTooLarge() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":\"" + "a".repeat(10_000) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Его длина — 10000")));
    }

    @Test
    void refusesControlCharactersOtherThanLineBreaksAndTabs() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":\"есть ли\\u0000 книга\\u001b[31m\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("невидимые служебные символы")));
    }

    @Test
    void refusesHalfOfABrokenSurrogatePair() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":\"книга \\ud83d\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("невидимые служебные символы")));
    }

    @Test
    void refusesInJsonEvenWhenTheClientAsksForHtml() throws Exception {
        mvc.perform(post("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML)
                        .content("{\"user\":\"reader-1\",\"text\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Сообщение пустое")));
    }

    @Test
    void refusesBrokenJson() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":\"прив")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(
                        "Не удалось прочитать запрос: нужен JSON-объект с полями user и text или user и button."));
    }

    @Test
    void refusesAnEmptyBody() throws Exception {
        send("")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Не удалось прочитать запрос")));
    }

    @Test
    void refusesJsonThatIsNotAnObject() throws Exception {
        for (String body : new String[] {"null", "[]", "\"text\"", "42"}) {
            send(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value(containsString("Не удалось прочитать запрос")));
        }
    }

    @Test
    void refusesATextThatIsNotAString() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":{\"nested\":true}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Не удалось прочитать запрос")));
    }

    @Test
    void refusesAWrongContentTypeWith415() throws Exception {
        mvc.perform(post("/api/webchat/messages").contentType(MediaType.TEXT_PLAIN)
                        .content("{\"user\":\"reader-1\",\"text\":\"привет\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value(
                        "Запрос нужно отправлять в формате JSON (Content-Type: application/json)."));
    }

    @Test
    void refusesAMissingContentTypeWith415() throws Exception {
        mvc.perform(post("/api/webchat/messages").content("{\"user\":\"reader-1\",\"text\":\"привет\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value(containsString("application/json")));
    }

    @Test
    void refusesABrokenMultipartBodyWith415InsteadOfFailing() throws Exception {
        mvc.perform(post("/api/webchat/messages").contentType("multipart/form-data; boundary=xyz")
                        .content("--xyz\r\nнеоконченная часть"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value(containsString("application/json")));
    }

    @Test
    void refusesAnyMethodButPostWith405() throws Exception {
        mvc.perform(get("/api/webchat/messages"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(jsonPath("$.error").value("Сообщения принимаются только методом POST."));
        mvc.perform(put("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"reader-1\",\"text\":\"привет\"}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value(containsString("POST")));
    }

    @Test
    void refusesAMissingUser() throws Exception {
        send("{\"text\":\"привет\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Не указан собеседник: в запросе нет поля user."));
    }

    @Test
    void refusesABlankUser() throws Exception {
        send("{\"user\":\"   \",\"text\":\"привет\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("нет поля user")));
    }

    @Test
    void refusesAUserIdOverTheLimit() throws Exception {
        send("{\"user\":\"" + "a".repeat(129) + "\",\"text\":\"привет\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("не длиннее 128 знаков")));
    }

    @Test
    void refusesAUserIdWithOddCharacters() throws Exception {
        for (String user : new String[] {"читатель", "a b", "<script>", "a/../b", "a\\u0000"}) {
            send("{\"user\":\"" + user + "\",\"text\":\"привет\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value(containsString("Поле user должно быть")));
        }
    }

    @Test
    void refusesBothTextAndButton() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":\"привет\",\"button\":\"HELP\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(
                        "Нужно что-то одно: текст сообщения (поле text) или нажатая кнопка (поле button)."));
    }

    @Test
    void refusesNeitherTextNorButton() throws Exception {
        send("{\"user\":\"reader-1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Нужно что-то одно")));
    }

    @Test
    void refusesAButtonTheBotNeverOffered() throws Exception {
        given(engine.isKnownButton("BOGUS:1")).willReturn(false);

        send("{\"user\":\"reader-1\",\"button\":\"BOGUS:1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(
                        "Эта кнопка устарела, и бот её не знает. Напишите вопрос словами или откройте меню командой /start."));
    }

    @Test
    void refusesAButtonPayloadLongerThanAnyButtonCanCarry() throws Exception {
        String payload = "AVAILABILITY:" + "ж".repeat(30);
        given(engine.isKnownButton(payload)).willReturn(true);

        send("{\"user\":\"reader-1\",\"button\":\"" + payload + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("кнопка устарела")));
    }

    @Test
    void refusesABodyOverTheSizeLimitWith413() throws Exception {
        send("{\"user\":\"reader-1\",\"text\":\"" + "a".repeat(40_000) + "\"}")
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.error").value(
                        "Сообщение слишком длинное: можно не больше 4000 знаков. "
                                + "Сократите его или разделите на несколько сообщений."));
    }

    private ResultActions send(String json) throws Exception {
        return mvc.perform(post("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
