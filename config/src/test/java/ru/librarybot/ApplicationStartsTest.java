package ru.librarybot;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.InboundMessage;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApplicationStartsTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    MockMvc http;

    @Test
    void exposesMessageMetersForPrometheusOnceAMessageIsHandled() throws Exception {
        engine.handle(InboundMessage.text(Channel.WEBCHAT, "visitor-1", "/start"));

        http.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "librarybot_messages_in_total{channel=\"webchat\"} 1.0")))
                .andExpect(content().string(containsString(
                        "librarybot_handling_seconds_bucket{intent=\"HELP\"")))
                .andExpect(content().string(containsString("librarybot_log_queue_size")));
    }
}
