package ru.librarybot.circulation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps card numbers encrypted (AES-GCM) and finds them by a keyed hash, so the store never holds a card number
 * in clear and a lookup never needs to decrypt. PINs and surnames are kept, where at all, only as keyed hashes.
 */
public class CardVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryption;
    private final SecretKeySpec hashing;

    public CardVault(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The card key must have 32 bytes (base64 of 32 random bytes)");
        }
        // separate keys for the two uses, derived so one configured secret is enough
        this.encryption = new SecretKeySpec(derive(key, "card-encryption"), "AES");
        this.hashing = new SecretKeySpec(derive(key, "card-lookup"), "HmacSHA256");
    }

    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public String encrypt(CardNumber card) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(card.value().getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public CardNumber decrypt(String stored) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new CardNumber(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the cause may describe the bytes; the store was written with another key or damaged
            throw new IllegalStateException("A stored card cannot be decrypted: was LIBRARYBOT_CARD_KEY changed?");
        }
    }

    /** The card's lookup key: the same card always gives the same key, and the key does not reveal the card. */
    public String lookupKey(CardNumber card) {
        return hash("card", card.value());
    }

    /** A keyed hash of a secret that belongs to a card (its PIN, its holder's surname). */
    public String secretHash(CardNumber card, String purpose, String secret) {
        return hash(purpose, card.value() + '\u0000' + secret);
    }

    public static boolean sameHash(String expected, String presented) {
        return expected != null && presented != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String hash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashing);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
