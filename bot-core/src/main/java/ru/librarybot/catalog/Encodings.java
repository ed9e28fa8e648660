package ru.librarybot.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Russian library exports come in UTF-8 or windows-1251; bytes that are not valid UTF-8 are the older one. */
final class Encodings {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private Encodings() {
    }

    static Charset guess(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, trimIncompleteTail(bytes, length)));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1251;
        }
    }

    /** A sample cut from a longer file may end inside a multi-byte character; that is not a reason to reject UTF-8. */
    private static int trimIncompleteTail(byte[] bytes, int length) {
        int end = length;
        for (int back = 0; back < 3 && end > 0; back++) {
            int b = bytes[end - 1] & 0xFF;
            if (b < 0x80) {
                return end;
            }
            if (b >= 0xC0) {
                return end - 1;
            }
            end--;
        }
        return length;
    }

    /** Accepts the names people write: "cp1251", "windows-1251", "utf8". */
    static Charset named(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return null;
        }
        String n = name.strip();
        if (n.equalsIgnoreCase("cp1251") || n.equalsIgnoreCase("win1251") || n.equalsIgnoreCase("1251")) {
            return WINDOWS_1251;
        }
        if (n.equalsIgnoreCase("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown encoding '" + name + "': use utf-8 or windows-1251");
        }
    }
}
