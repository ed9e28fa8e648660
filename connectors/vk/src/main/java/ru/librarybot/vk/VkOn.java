package ru.librarybot.vk;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when a community token and the community's id are configured: without them the VK channel stays off. */
public class VkOn implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("librarybot.vk.token"))
                && StringUtils.hasText(context.getEnvironment().getProperty("librarybot.vk.group-id"));
    }

    static boolean confirmationCodeSet(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty("librarybot.vk.confirmation-code"));
    }

    /** Matches when VK calls us: the Callback API, confirmed with VK_CONFIRMATION_CODE. */
    public static class Callback extends VkOn {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return super.matches(context, metadata) && confirmationCodeSet(context);
        }
    }

    /** Matches when no public URL is configured: we ask VK for events over Bots Long Poll. */
    public static class LongPoll extends VkOn {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return super.matches(context, metadata) && !confirmationCodeSet(context);
        }
    }
}
