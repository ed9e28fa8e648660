package ru.librarybot.circulation.sip2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SIP2 message from the server: its two-digit code, the fixed-length fields after it, and the variable fields
 * (two-letter id, value, {@code |}), some of which repeat (AU charged items, BM renewed items).
 */
record Sip2Message(String code, String fixed, Map<String, List<String>> fields) {

    /** Length of the fixed part after the code, per the SIP2 2.00 spec, for the responses this client reads. */
    private static final Map<String, Integer> FIXED_LENGTH = Map.of(
            "94", 1, "98", 34, "64", 59, "18", 24, "30", 22, "66", 27, "96", 0);

    static Sip2Message parse(String text) {
        if (text.length() < 2) {
            throw new Sip2ProtocolException("a reply shorter than its code");
        }
        String code = text.substring(0, 2);
        int fixedLength = FIXED_LENGTH.getOrDefault(code, 0);
        if (text.length() < 2 + fixedLength) {
            throw new Sip2ProtocolException("reply " + code + " is shorter than its fixed fields");
        }
        String fixed = text.substring(2, 2 + fixedLength);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String field : text.substring(2 + fixedLength).split("\\|")) {
            if (field.length() >= 2) {
                fields.computeIfAbsent(field.substring(0, 2), id -> new ArrayList<>()).add(field.substring(2));
            }
        }
        return new Sip2Message(code, fixed, fields);
    }

    String field(String id) {
        List<String> values = fields.get(id);
        return values == null ? null : values.getFirst();
    }

    List<String> repeated(String id) {
        return fields.getOrDefault(id, List.of());
    }

    char flag(int position) {
        return position < fixed.length() ? fixed.charAt(position) : ' ';
    }
}
