package ru.librarybot.webchat.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.librarybot.webchat.WebChat;

@RestController
class WebChatController {

    static final String MESSAGES = "/api/webchat/messages";

    private final WebChat webChat;
    private final PageConfig pageConfig;

    WebChatController(WebChat webChat, @Value("${librarybot.webchat.title:Библиотека}") String title) {
        this.webChat = webChat;
        this.pageConfig = new PageConfig(title);
    }

    @PostMapping(path = MESSAGES, consumes = MediaType.APPLICATION_JSON_VALUE)
    AnswerView send(@RequestBody MessageRequest request) {
        return AnswerView.of(webChat.receive(request.user(), request.content()));
    }

    @GetMapping("/api/webchat/config")
    PageConfig config() {
        return pageConfig;
    }

    /** What the chat page shows before the first answer arrives. */
    record PageConfig(String title) {
    }
}
