package ru.librarybot.conversation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous reader keys: an HMAC of channel and platform id, so the log and statistics can tell readers apart
 * without holding their platform ids in clear.
 */
public class ReaderKeys {

    private final SecretKeySpec key;
    /** Cloned for each key: looking the algorithm up and initializing it cost more than the hash itself. */
    private final Mac initialized;

    public ReaderKeys(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("The pseudonym key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.initialized = newMac();
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public String of(Channel channel, String platformUserId) {
        byte[] digest = mac().doFinal((channel.id() + ":" + platformUserId).getBytes(StandardCharsets.UTF_8));
        // 16 bytes keep keys short in every document and are still far from colliding
        return channel.id() + ":" + HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac mac() {
        try {
            return (Mac) initialized.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
