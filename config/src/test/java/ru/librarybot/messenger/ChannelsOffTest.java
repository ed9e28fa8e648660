package ru.librarybot.messenger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import ru.librarybot.conversation.Channel;
import ru.librarybot.delivery.ChannelSender;

import static org.assertj.core.api.Assertions.assertThat;

/** Without platform tokens the application still starts, web chat only, and says why each messenger is off. */
@SpringBootTest(properties = {"logging.level.ru.librarybot.telegram=INFO", "logging.level.ru.librarybot.vk=INFO"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ChannelsOffTest {

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTokensAndSaysWhichChannelsAreOffAndWhy(CapturedOutput output) {
        assertThat(context.getBeansOfType(ChannelSender.class).values()).extracting(ChannelSender::channel)
                .containsExactly(Channel.WEBCHAT);
        assertThat(context.getBeansOfType(Transport.class)).isEmpty();
        assertThat(output.getOut()).contains("Telegram channel: off (TELEGRAM_BOT_TOKEN is not set)")
                .contains("VK channel: off (VK_GROUP_TOKEN is not set)");
    }
}
