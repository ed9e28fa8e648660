package ru.librarybot.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when a bot token is configured: without one the Telegram channel stays off. */
public class TelegramOn implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("librarybot.telegram.token"));
    }

    /** Matches when, besides the token, a public webhook URL is configured: Telegram then calls us. */
    public static class Webhook extends TelegramOn {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return super.matches(context, metadata)
                    && StringUtils.hasText(context.getEnvironment().getProperty("librarybot.telegram.webhook-url"));
        }
    }

    /** Matches when the token is configured but no webhook URL: we ask Telegram for updates ourselves. */
    public static class Polling extends TelegramOn {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return super.matches(context, metadata)
                    && !StringUtils.hasText(context.getEnvironment().getProperty("librarybot.telegram.webhook-url"));
        }
    }
}
