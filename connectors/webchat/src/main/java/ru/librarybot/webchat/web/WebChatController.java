package ru.librarybot.webchat.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.librarybot.library.LibraryProfile;
import ru.librarybot.webchat.WebChat;

@RestController
class WebChatController {

    static final String MESSAGES = "/api/webchat/messages";

    private final WebChat webChat;
    private final PageConfig pageConfig;

    /** The header says the library's own name unless LIBRARYBOT_WEBCHAT_TITLE says otherwise. */
    WebChatController(WebChat webChat, @Value("${librarybot.webchat.title:}") String title,
                      ObjectProvider<LibraryProfile> library) {
        this.webChat = webChat;
        this.pageConfig = new PageConfig(!title.isBlank() ? title
                : library.getIfAvailable() instanceof LibraryProfile profile ? profile.shortName() : "Библиотека");
    }

    @PostMapping(path = MESSAGES, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AnswerView> send(@RequestBody MessageRequest request) {
        return json(HttpStatus.OK, AnswerView.of(webChat.receive(request.user(), request.content())));
    }

    /** What the library sent this reader since the page last asked: reminders, a book that came back. */
    @GetMapping("/api/webchat/inbox")
    ResponseEntity<InboxView> inbox(@RequestParam("user") String user) {
        return json(HttpStatus.OK, new InboxView(AnswerView.views(webChat.collect(user))));
    }

    @GetMapping("/api/webchat/config")
    ResponseEntity<PageConfig> config() {
        return json(HttpStatus.OK, pageConfig);
    }

    /**
     * The API speaks only JSON: a preset content type skips negotiation, so a client's odd Accept header gets
     * JSON rather than a 406 page, or a 500 when the refusal itself could not be written.
     */
    static <T> ResponseEntity<T> json(HttpStatus status, T body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** Messages the library started, waiting for the page. */
    record InboxView(java.util.List<AnswerView.ReplyView> replies) {
    }

    /** The library's own settings the chat page shows, such as its name in the header. */
    record PageConfig(String title) {
    }
}
