package ru.librarybot.vk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.vk.api.sdk.exceptions.ApiException;
import com.vk.api.sdk.exceptions.ClientException;
import com.vk.api.sdk.objects.messages.Keyboard;
import com.vk.api.sdk.objects.messages.KeyboardButton;
import com.vk.api.sdk.objects.messages.KeyboardButtonActionCallback;
import com.vk.api.sdk.objects.messages.KeyboardButtonActionCallbackType;
import com.vk.api.sdk.objects.photos.responses.GetMessagesUploadServerResponse;
import com.vk.api.sdk.objects.photos.responses.MessageUploadResponse;
import com.vk.api.sdk.objects.photos.responses.SaveMessagesPhotoResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Reply;
import ru.librarybot.messenger.MessageLimits;
import ru.librarybot.messenger.Pace;
import ru.librarybot.messenger.SendFailure;
import ru.librarybot.messenger.Transport;

/** Renders replies as VK community messages: text with an inline keyboard of callback buttons, or a photo. */
class VkTransport implements Transport {

    // a photo's alt text goes in the message text beside it, so it has the text's room
    static final MessageLimits LIMITS = new MessageLimits(9000, 9000);
    static final long FIRST_GROUP_CHAT = 2_000_000_000L;
    private static final int INLINE_ROWS = 6;
    private static final int INLINE_BUTTONS = 10;
    private static final int LABEL_LIMIT = 40;
    private static final Logger log = LoggerFactory.getLogger(VkTransport.class);

    private final VkClient vk;
    private final Pace pace;

    /** @param requestsPerSecond VK's limit of API calls per community token ({@link VkSettings#requestsPerSecond()}) */
    VkTransport(VkClient vk, int requestsPerSecond) {
        this.vk = vk;
        this.pace = new Pace(Pace.Limit.perSecond(requestsPerSecond), null, null);
    }

    @Override
    public Channel channel() {
        return Channel.VK;
    }

    @Override
    public Pace pace() {
        return pace;
    }

    @Override
    public boolean isGroupChat(String chatId) {
        return Long.parseLong(chatId) >= FIRST_GROUP_CHAT;
    }

    @Override
    public List<Reply> messages(Reply reply) {
        return LIMITS.messages(reply);
    }

    @Override
    public void send(String chatId, Reply message, String sendKey) throws SendFailure, InterruptedException {
        long peer = Long.parseLong(chatId);
        try {
            var send = vk.messages().sendDeprecated(vk.community()).peerId(peer).randomId(randomId(sendKey));
            switch (message) {
                case Reply.Text text -> send.message(text.text());
                case Reply.Image image -> {
                    send.attachment(upload(peer, image.png()));
                    if (!image.altText().isEmpty()) {
                        send.message(image.altText());
                    }
                }
            }
            Keyboard keyboard = keyboard(message.buttons());
            if (keyboard != null) {
                send.keyboard(keyboard);
            }
            send.executeWithoutRetry();
        } catch (ApiException e) {
            throw failure(e);
        } catch (ClientException e) {
            throw new SendFailure.Transient("VK API unreachable: " + e.getMessage(), e);
        }
    }

    /** Photos reach a VK chat in three calls: where to upload, the upload, and saving it as a message photo. */
    private String upload(long peer, byte[] png) throws ApiException, ClientException, InterruptedException {
        Path file = null;
        try {
            file = Files.createTempFile("librarybot-", ".png");
            Files.write(file, png);
            GetMessagesUploadServerResponse server = vk.photos().getMessagesUploadServer(vk.community())
                    .peerId(Math.toIntExact(peer)).executeWithoutRetry();
            MessageUploadResponse uploaded = vk.upload().photoMessage(server.getUploadUrl().toString(), file.toFile())
                    .executeWithoutRetry();
            pace.acquire(String.valueOf(peer), false);
            List<SaveMessagesPhotoResponse> saved = vk.photos().saveMessagesPhoto(vk.community(), uploaded.getPhoto())
                    .server(uploaded.getServer()).hash(uploaded.getHash()).executeWithoutRetry();
            pace.acquire(String.valueOf(peer), false);
            return "photo" + saved.getFirst().getOwnerId() + "_" + saved.getFirst().getId();
        } catch (IOException e) {
            throw new ClientException("Could not keep the picture for upload: " + e.getMessage());
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    static SendFailure failure(ApiException e) {
        int code = e.getCode() == null ? 0 : e.getCode();
        String reason = "VK API error " + code + ": " + e.getDescription();
        return switch (code) {
            // 6: too many requests per second; 9: flood control on the same action
            case 6 -> new SendFailure.SlowDown(Duration.ofSeconds(1), reason);
            case 9 -> new SendFailure.SlowDown(Duration.ofSeconds(5), reason);
            // 1: unknown error, 10: internal server error
            case 1, 10 -> new SendFailure.Transient(reason, e);
            // 901: the reader has not allowed the community's messages; 902: their privacy settings forbid it
            case 901, 902 -> new SendFailure.Blocked(reason);
            default -> new SendFailure.Rejected(reason);
        };
    }

    /** random_id from the message's identity: VK delivers a retried send with the same random_id only once. */
    static int randomId(String sendKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sendKey.getBytes(StandardCharsets.UTF_8));
            int id = ((digest[0] & 0x7f) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
            return id == 0 ? 1 : id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static Keyboard keyboard(List<Button> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        if (buttons.size() > INLINE_BUTTONS) {
            log.warn("{} buttons are left out: VK shows at most {} in an inline keyboard",
                    buttons.size() - INLINE_BUTTONS, INLINE_BUTTONS);
        }
        List<Button> shown = buttons.subList(0, Math.min(buttons.size(), INLINE_BUTTONS));
        // one button a row reads best on a phone; two a row when that is the only way to fit VK's six rows
        int perRow = shown.size() <= INLINE_ROWS ? 1 : 2;
        List<List<KeyboardButton>> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i += perRow) {
            List<KeyboardButton> row = new ArrayList<>();
            for (Button button : shown.subList(i, Math.min(shown.size(), i + perRow))) {
                row.add(new KeyboardButton().setAction(new KeyboardButtonActionCallback()
                        .setType(KeyboardButtonActionCallbackType.CALLBACK)
                        .setLabel(label(button.label()))
                        .setPayload(VkPayload.of(button.payload()))));
            }
            rows.add(row);
        }
        return new Keyboard().setInline(true).setButtons(rows);
    }

    private static String label(String label) {
        return label.length() <= LABEL_LIMIT ? label : label.substring(0, LABEL_LIMIT - 1) + "…";
    }
}
