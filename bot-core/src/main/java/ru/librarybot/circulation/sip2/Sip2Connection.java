package ru.librarybot.circulation.sip2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One TCP connection to the SIP2 server, logged in. Writes a request with its sequence number and checksum,
 * reads the reply up to CR, asks the server to resend a reply whose checksum is wrong (97) and resends a request
 * the server could not read (96).
 */
final class Sip2Connection implements Closeable {

    private static final int MAX_REPLY_BYTES = 64 * 1024;
    private static final int MAX_RESENDS = 2;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Charset charset;
    private final boolean errorDetection;
    private int sequence;

    private Sip2Connection(Socket socket, Charset charset, boolean errorDetection) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.charset = charset;
        this.errorDetection = errorDetection;
    }

    static Sip2Connection open(Sip2Settings settings) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()),
                    (int) settings.connectTimeout().toMillis());
            socket.setSoTimeout((int) settings.readTimeout().toMillis());
            socket.setKeepAlive(true);
            socket.setTcpNoDelay(true);
            Sip2Connection connection = new Sip2Connection(socket, settings.encoding(), settings.errorDetection());
            if (settings.user() != null && !settings.user().isBlank()) {
                connection.login(settings);
            }
            connection.status();
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends a request (its code and fields, without error detection) and returns the reply with the expected code. */
    Sip2Message exchange(String request, String expectedCode) throws IOException {
        byte[] sent = frame(request, true);
        out.write(sent);
        out.flush();
        for (int resends = 0; ; resends++) {
            String reply = readReply();
            if (reply == null) {
                // checksum mismatch: ask the server to say it again
                if (resends == MAX_RESENDS) {
                    throw new Sip2ProtocolException("replies keep failing their checksum");
                }
                out.write(frame("97", false));
                out.flush();
                continue;
            }
            Sip2Message message = Sip2Message.parse(stripTrailer(reply));
            if (message.code().equals("96")) {
                if (resends == MAX_RESENDS) {
                    throw new Sip2ProtocolException("the server keeps failing to read our requests");
                }
                out.write(sent);
                out.flush();
                continue;
            }
            if (!message.code().equals(expectedCode)) {
                throw new Sip2ProtocolException("expected reply " + expectedCode + " but got " + message.code());
            }
            return message;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket cannot fail in a way worth telling
        }
    }

    /** SC status (99): the server says whether it is online; also tells a pooled connection still works. */
    void status() throws IOException {
        Sip2Message reply = exchange("9900802.00", "98");
        if (reply.flag(0) != 'Y') {
            throw new Sip2ProtocolException("the SIP2 server says it is offline");
        }
    }

    private void login(Sip2Settings settings) throws IOException {
        StringBuilder login = new StringBuilder("9300CN").append(settings.user()).append("|CO")
                .append(settings.password() == null ? "" : settings.password()).append('|');
        if (settings.location() != null && !settings.location().isBlank()) {
            login.append("CP").append(settings.location()).append('|');
        }
        Sip2Message reply = exchange(login.toString(), "94");
        if (reply.flag(0) != '1') {
            throw new Sip2LoginRefused();
        }
    }

    private byte[] frame(String request, boolean sequenced) {
        StringBuilder text = new StringBuilder(request);
        if (errorDetection) {
            if (sequenced) {
                sequence = (sequence + 1) % 10;
                text.append("AY").append(sequence);
            }
            text.append("AZ");
        }
        byte[] body = text.toString().getBytes(charset);
        ByteArrayOutputStream framed = new ByteArrayOutputStream(body.length + 5);
        framed.writeBytes(body);
        if (errorDetection) {
            framed.writeBytes(Checksum.of(body, body.length).getBytes(StandardCharsets.US_ASCII));
        }
        framed.write('\r');
        return framed.toByteArray();
    }

    /** The reply up to CR, decoded; {@code null} when its checksum is wrong. */
    private String readReply() throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream(256);
        while (true) {
            int b = in.read();
            if (b == -1) {
                throw new EOFException(reply.size() == 0 ? "closed before replying" : "closed in the middle of a reply");
            }
            if (b == '\r') {
                break;
            }
            if (b == '\n' && reply.size() == 0) {
                continue;
            }
            if (reply.size() == MAX_REPLY_BYTES) {
                throw new Sip2ProtocolException("a reply longer than " + MAX_REPLY_BYTES + " bytes");
            }
            reply.write(b);
        }
        byte[] bytes = reply.toByteArray();
        if (errorDetection && !Checksum.valid(bytes, bytes.length)) {
            return null;
        }
        return new String(bytes, charset);
    }

    private String stripTrailer(String reply) {
        if (!errorDetection) {
            return reply;
        }
        String body = reply.substring(0, reply.length() - 6);
        int ay = body.length() - 3;
        if (ay >= 0 && body.startsWith("AY", ay)) {
            if (body.charAt(ay + 2) - '0' != sequence && !body.startsWith("96")) {
                throw new Sip2ProtocolException("a reply to another request (sequence " + body.charAt(ay + 2) + ")");
            }
            return body.substring(0, ay);
        }
        return body;
    }
}
