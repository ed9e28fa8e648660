package ru.librarybot.circulation.sip2;

import java.util.Locale;

/**
 * SIP2 error detection: the two's complement of the sum of every byte sent, from the message's first byte up to
 * and including "AZ", as four hex digits.
 */
final class Checksum {

    private Checksum() {
    }

    static String of(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i] & 0xFF;
        }
        return String.format(Locale.ROOT, "%04X", -sum & 0xFFFF);
    }

    /** Whether a message (without its terminating CR) ends in "AZxxxx" matching the bytes before it. */
    static boolean valid(byte[] message, int length) {
        if (length < 6 || message[length - 6] != 'A' || message[length - 5] != 'Z') {
            return false;
        }
        String stated = new String(message, length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return of(message, length - 4).equalsIgnoreCase(stated);
    }
}
