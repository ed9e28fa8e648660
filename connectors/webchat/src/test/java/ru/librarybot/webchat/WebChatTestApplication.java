package ru.librarybot.webchat;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import ru.librarybot.conversation.Texts;

/** The web chat alone, over the real Russian message bundle; tests mock the engine behind it. */
@SpringBootConfiguration
@ComponentScan
class WebChatTestApplication {

    @Bean
    Texts texts() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasename("classpath:messages/bot");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Texts(messages);
    }
}
