package ru.librarybot.vk;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.vk.api.sdk.client.ClientResponse;
import com.vk.api.sdk.client.TransportClient;
import org.apache.http.Header;

/**
 * The VK SDK's HTTP transport on the JDK client: a per-request timeout we choose (the SDK's own client waits a
 * fixed minute and retries by itself), and no request or response bodies in the log.
 */
class VkHttp implements TransportClient {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout for one request; a long poll asks the server to wait less than this */
    VkHttp(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.timeout = timeout;
    }

    @Override
    public ClientResponse get(String url) throws IOException {
        return call(request(url, null, new Header[0]).GET());
    }

    @Override
    public ClientResponse get(String url, String contentType) throws IOException {
        return call(request(url, contentType, new Header[0]).GET());
    }

    @Override
    public ClientResponse get(String url, Header[] headers) throws IOException {
        return call(request(url, null, headers).GET());
    }

    @Override
    public ClientResponse post(String url) throws IOException {
        return post(url, "", FORM);
    }

    @Override
    public ClientResponse post(String url, String body) throws IOException {
        return post(url, body, FORM);
    }

    @Override
    public ClientResponse post(String url, String body, String contentType) throws IOException {
        return call(request(url, contentType, new Header[0]).POST(bodyOf(body)));
    }

    @Override
    public ClientResponse post(String url, String body, Header[] headers) throws IOException {
        return call(request(url, FORM, headers).POST(bodyOf(body)));
    }

    @Override
    public ClientResponse post(String url, Map<String, File> files) throws IOException {
        String boundary = "librarybot-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, File> file : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                    + "\"; filename=\"" + file.getValue().getName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file.getValue().toPath()));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return call(request(url, "multipart/form-data; boundary=" + boundary, new Header[0])
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Override
    public ClientResponse delete(String url) throws IOException {
        return call(request(url, null, new Header[0]).DELETE());
    }

    @Override
    public ClientResponse delete(String url, String body) throws IOException {
        return delete(url, body, FORM);
    }

    @Override
    public ClientResponse delete(String url, String body, String contentType) throws IOException {
        return call(request(url, contentType, new Header[0]).method("DELETE", bodyOf(body)));
    }

    @Override
    public ClientResponse delete(String url, String body, Header[] headers) throws IOException {
        return call(request(url, FORM, headers).method("DELETE", bodyOf(body)));
    }

    private HttpRequest.Builder request(String url, String contentType, Header[] headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (Header header : headers == null ? new Header[0] : headers) {
            request.header(header.getName(), header.getValue());
        }
        return request;
    }

    private static HttpRequest.BodyPublisher bodyOf(String body) {
        return HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8);
    }

    private static String canonical(String name) {
        StringBuilder canonical = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            canonical.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return canonical.toString();
    }

    private ClientResponse call(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new HashMap<>();
            // the SDK looks headers up as "Content-Type"; HTTP/2 and the JDK give them in lower case
            response.headers().map().forEach((name, values) -> headers.put(canonical(name), String.join(",", values)));
            return new ClientResponse(response.statusCode(), response.body(), headers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for VK", e);
        }
    }
}
