package ru.librarybot.circulation.sip2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SIP2 2.00 server (ACS) for tests, as a library's circulation system answers: login (93/94), SC status
 * (99/98), patron information (63/64), item information (17/18), renew (29/30) and renew all (65/66), with
 * error detection (AY sequence, AZ checksum; 96 for a request it cannot read, 97 answered by resending), in a
 * chosen charset. Faults are switched on per test: replies with a bad checksum, requests treated as unreadable,
 * a connection dropped after a request, silence.
 */
public final class Sip2Emulator implements AutoCloseable {

    private static final DateTimeFormatter SIP_DATE = DateTimeFormatter.ofPattern("yyyyMMdd    HHmmss");

    public record Patron(String card, String pin, String name) {
    }

    /** A copy, charged to a patron or not. */
    public static final class Item {
        final String barcode;
        final String title;
        final String location;
        volatile String chargedTo;
        volatile LocalDate due;
        volatile int holdQueue;
        volatile int renewals;

        Item(String barcode, String title, String location, String chargedTo, LocalDate due) {
            this.barcode = barcode;
            this.title = title;
            this.location = location;
            this.chargedTo = chargedTo;
            this.due = due;
        }

        public LocalDate due() {
            return due;
        }
    }

    private final Charset charset;
    private final ServerSocket server;
    private final Map<String, Patron> patrons = new ConcurrentHashMap<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger corruptReplies = new AtomicInteger();
    private final AtomicInteger unreadableRequests = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile String dropAfter;
    private volatile boolean silent;
    private volatile LocalDate today = LocalDate.now();
    private volatile int maxRenewals = 2;
    private final String user = "bot";
    private volatile String password = "secret";

    public Sip2Emulator(Charset charset) throws IOException {
        this.charset = charset;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("sip2-emulator").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public Sip2Settings settings() {
        return new Sip2Settings("127.0.0.1", port(), "bot", "secret", "BOT-1", "LIB", charset.name(),
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), 2, true);
    }

    public Sip2Emulator today(LocalDate day) {
        this.today = day;
        return this;
    }

    public Sip2Emulator maxRenewals(int max) {
        this.maxRenewals = max;
        return this;
    }

    public Sip2Emulator patron(String card, String pin, String name) {
        patrons.put(card, new Patron(card, pin, name));
        return this;
    }

    public Sip2Emulator loan(String card, String barcode, String title, LocalDate due) {
        synchronized (items) {
            items.put(barcode, new Item(barcode, title, "Центральная библиотека", card, due));
        }
        return this;
    }

    public Sip2Emulator holds(String barcode, int queue) {
        item(barcode).holdQueue = queue;
        return this;
    }

    public Sip2Emulator renewed(String barcode, int times) {
        item(barcode).renewals = times;
        return this;
    }

    public Item item(String barcode) {
        synchronized (items) {
            return items.get(barcode);
        }
    }

    /** The next {@code count} replies go out with a wrong checksum. */
    public void corruptNextReplies(int count) {
        corruptReplies.set(count);
    }

    /** The next {@code count} requests are answered 96, as if they arrived garbled. */
    public void treatNextRequestsAsUnreadable(int count) {
        unreadableRequests.set(count);
    }

    /** The next request with this code is acted on, then the connection drops without a reply. */
    public void dropAfterNext(String code) {
        dropAfter = code;
    }

    public void silent(boolean silent) {
        this.silent = silent;
    }

    /** Closes every open connection, as a server restart or an idle timeout does. */
    public void dropAllConnections() {
        sockets.forEach(Sip2Emulator::closeQuietly);
        sockets.clear();
    }

    /** Codes of the requests received, in order, including 97 resend requests. */
    public List<String> received() {
        return List.copyOf(received);
    }

    public long received(String code) {
        return received.stream().filter(code::equals).count();
    }

    public int logins() {
        return logins.get();
    }

    /** The password the server expects from now on; {@link #settings()} still gives the bot "secret". */
    public void password(String password) {
        this.password = password;
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropAllConnections();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            byte[] lastReply = null;
            byte[] request;
            while ((request = read(in)) != null) {
                String code = new String(request, 0, Math.min(2, request.length), StandardCharsets.US_ASCII);
                received.add(code);
                boolean detecting = hasTrailer(request);
                if (code.equals("97")) {
                    if (lastReply != null) {
                        out.write(corruptReplies.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? corrupted(lastReply) : lastReply);
                    }
                    continue;
                }
                if (detecting && !Checksum.valid(request, request.length) || unreadableRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    out.write(frame("96", null));
                    continue;
                }
                String text = new String(request, charset);
                String sequence = null;
                if (detecting) {
                    text = text.substring(0, text.length() - 6);
                    if (text.length() >= 3 && text.startsWith("AY", text.length() - 3)) {
                        sequence = text.substring(text.length() - 1);
                        text = text.substring(0, text.length() - 3);
                    }
                }
                String reply = answer(code, text);
                if (code.equals(dropAfter)) {
                    dropAfter = null;
                    return;
                }
                while (silent) {
                    Thread.sleep(50);
                }
                lastReply = frame(reply, detecting ? sequence : null);
                if (corruptReplies.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    out.write(corrupted(lastReply));
                } else {
                    out.write(lastReply);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the emulator stopped
        } finally {
            sockets.remove(socket);
        }
    }

    private String answer(String code, String request) {
        Map<String, String> fields = switch (code) {
            case "93" -> fields(request, 2);
            case "63" -> fields(request, 31);
            case "17" -> fields(request, 18);
            case "29" -> fields(request, 38);
            case "65" -> fields(request, 18);
            default -> Map.of();
        };
        return switch (code) {
            case "93" -> {
                logins.incrementAndGet();
                yield "94" + (user.equals(fields.get("CN")) && password.equals(fields.get("CO")) ? "1" : "0");
            }
            case "99" -> "98YYYYNN030003" + now() + "2.00AOLIB|AMДемо-библиотека|BNYYYYYYYYYYYYYYYY|";
            case "63" -> patronInformation(request.length() >= 33 ? request.substring(2, 33) : "", fields);
            case "17" -> itemInformation(fields.get("AB"));
            case "29" -> renew(fields.get("AA"), fields.get("AB"));
            case "65" -> renewAll(fields.get("AA"));
            default -> "96";
        };
    }

    private String patronInformation(String fixed, Map<String, String> fields) {
        Patron patron = patrons.get(fields.getOrDefault("AA", ""));
        List<Item> charged = patron == null ? List.of() : chargedTo(patron.card());
        long overdue = charged.stream().filter(item -> item.due.isBefore(today)).count();
        StringBuilder reply = new StringBuilder("64").append(" ".repeat(14)).append("000").append(now())
                .append("0000").append(String.format("%04d", overdue)).append(String.format("%04d", charged.size()))
                .append("0000").append("0000").append("0000")
                .append("AOLIB|AA").append(fields.getOrDefault("AA", "")).append('|');
        if (patron == null) {
            return reply.append("AE|BLN|").toString();
        }
        reply.append("AE").append(patron.name()).append("|BLY|");
        if (fields.containsKey("AD")) {
            reply.append("CQ").append(patron.pin().equals(fields.get("AD")) ? "Y" : "N").append('|');
        }
        // the summary follows language (3) and transaction date (18); its third position asks for charged items
        if (fixed.length() == 31 && fixed.charAt(21 + 2) == 'Y') {
            charged.forEach(item -> reply.append("AU").append(item.barcode).append('|'));
        }
        return reply.toString();
    }

    private String itemInformation(String barcode) {
        Item item = barcode == null ? null : item(barcode);
        if (item == null) {
            return "18010001" + now() + "AB" + barcode + "|AJ|";
        }
        return "18" + (item.chargedTo != null ? "04" : "03") + "0001" + now() + "CF" + item.holdQueue + "|AH"
                + SIP_DATE.format(item.due.atTime(23, 59)) + "|AB" + item.barcode + "|AJ" + item.title + "|AQ"
                + item.location + "|";
    }

    private String renew(String card, String barcode) {
        Item item = barcode == null ? null : item(barcode);
        String refusal = refusal(card, item);
        String head = "30" + (refusal == null ? "1Y" : "0N") + "NN" + now() + "AOLIB|AA" + card + "|AB" + barcode + "|";
        if (refusal != null) {
            return head + "AJ" + (item == null ? "" : item.title) + "|AF" + refusal + "|";
        }
        renewOne(item);
        return head + "AJ" + item.title + "|AH" + SIP_DATE.format(item.due.atTime(23, 59)) + "|AFПродлено|";
    }

    private String renewAll(String card) {
        List<String> renewed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Item item : chargedTo(card)) {
            if (refusal(card, item) == null) {
                renewOne(item);
                renewed.add(item.barcode);
            } else {
                refused.add(item.barcode);
            }
        }
        StringBuilder reply = new StringBuilder("661").append(String.format("%04d", renewed.size()))
                .append(String.format("%04d", refused.size())).append(now()).append("AOLIB|");
        renewed.forEach(barcode -> reply.append("BM").append(barcode).append('|'));
        refused.forEach(barcode -> reply.append("BN").append(barcode).append('|'));
        return reply.toString();
    }

    private String refusal(String card, Item item) {
        if (item == null || item.chargedTo == null || !item.chargedTo.equals(card)) {
            return "Экземпляр не выдан этому читателю";
        }
        if (item.holdQueue > 0) {
            return "На экземпляр есть бронь другого читателя";
        }
        if (item.renewals >= maxRenewals) {
            return "Превышен лимит продлений";
        }
        return null;
    }

    private void renewOne(Item item) {
        item.due = (item.due.isAfter(today) ? item.due : today).plusDays(14);
        item.renewals++;
    }

    private List<Item> chargedTo(String card) {
        synchronized (items) {
            return items.values().stream().filter(item -> card.equals(item.chargedTo)).toList();
        }
    }

    private String now() {
        return SIP_DATE.format(LocalDateTime.of(today, java.time.LocalTime.NOON));
    }

    /** Variable fields after a fixed part of {@code fixedLength} characters following the code. */
    private static Map<String, String> fields(String request, int fixedLength) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (request.length() < 2 + fixedLength) {
            return fields;
        }
        for (String field : request.substring(2 + fixedLength).split("\\|")) {
            if (field.length() >= 2) {
                fields.putIfAbsent(field.substring(0, 2), field.substring(2));
            }
        }
        return fields;
    }

    private byte[] frame(String reply, String sequence) {
        String text = reply + (sequence != null ? "AY" + sequence : "") + "AZ";
        byte[] body = text.getBytes(charset);
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        framed.writeBytes(body);
        framed.writeBytes(Checksum.of(body, body.length).getBytes(StandardCharsets.US_ASCII));
        framed.write('\r');
        return framed.toByteArray();
    }

    private static byte[] corrupted(byte[] framed) {
        byte[] copy = framed.clone();
        int last = copy.length - 2;
        copy[last] = (byte) (copy[last] == '0' ? '1' : '0');
        return copy;
    }

    private static boolean hasTrailer(byte[] request) {
        return request.length >= 6 && request[request.length - 6] == 'A' && request[request.length - 5] == 'Z';
    }

    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\r') {
                return message.toByteArray();
            }
            if (b != '\n') {
                message.write(b);
            }
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
