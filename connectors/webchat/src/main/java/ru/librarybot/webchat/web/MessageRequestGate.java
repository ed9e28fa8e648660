package ru.librarybot.webchat.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.databind.json.JsonMapper;

import ru.librarybot.conversation.Texts;
import ru.librarybot.webchat.WebChat;

/**
 * Lets only a JSON POST of reasonable size reach the messages endpoint. Spring would answer a wrong method or
 * content type itself, but without a reason the page can show, and it fails with a 500 on a broken multipart body
 * before any controller sees it.
 */
@Component
class MessageRequestGate extends OncePerRequestFilter {

    /** Room for the longest allowed text even if every character arrives as a six-byte JSON escape. */
    static final int MAX_BODY_BYTES = 32 * 1024;

    private final Texts texts;
    private final JsonMapper json;

    MessageRequestGate(Texts texts, JsonMapper json) {
        this.texts = texts;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !UrlPathHelper.defaultInstance.getPathWithinApplication(request).equals(WebChatController.MESSAGES);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
            refuse(response, HttpStatus.METHOD_NOT_ALLOWED, texts.get("webchat.refused.notPost"));
        } else if (!isJson(request.getContentType())) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, texts.get("webchat.refused.notJsonContentType"));
        } else if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
        } else {
            // a chunked body declares no length, so the limit holds by reading no further than it
            byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                refuse(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            } else {
                chain.doFilter(new ReadBodyRequest(request, body), response);
            }
        }
    }

    private String tooLarge() {
        return texts.get("webchat.refused.bodyTooLarge", String.valueOf(WebChat.MAX_TEXT_LENGTH));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String reason) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), new ErrorBody(reason));
    }
}
