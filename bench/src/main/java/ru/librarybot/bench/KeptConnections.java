package ru.librarybot.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A lean HTTP/1.1 client for the benchmark: kept-alive connections reused from a pool, so the load generator takes
 * little of the two cores the bot runs on. The JDK's HttpClient, sharing those cores, capped the measured capacity
 * near 1,100 messages/s while the bot itself could answer more than twice that.
 */
final class KeptConnections implements AutoCloseable {

    private final InetSocketAddress server;
    private final String path;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    KeptConnections(InetSocketAddress server, String path) {
        this.server = server;
        this.path = path;
    }

    /** Posts a JSON body and returns the response status, having read the whole response. */
    int post(String json) throws IOException {
        Connection connection = idle.poll();
        if (connection == null) {
            connection = new Connection(new Socket(server.getAddress(), server.getPort()));
        }
        try {
            int status = connection.post(server, path, json.getBytes(StandardCharsets.UTF_8));
            if (connection.keptAlive) {
                idle.add(connection);
            } else {
                connection.socket.close();
            }
            return status;
        } catch (IOException e) {
            connection.socket.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        for (Connection connection : idle) {
            connection.socket.close();
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean keptAlive = true;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
        }

        int post(InetSocketAddress server, String path, byte[] body) throws IOException {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + body.length);
            request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            out.write(request.toByteArray());
            out.flush();

            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).strip().toLowerCase();
                String value = header.substring(header.indexOf(':') + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> keptAlive = !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length >= 0) {
                skip(length);
            } else {
                keptAlive = false;
            }
            return status;
        }

        private void skip(long bytes) throws IOException {
            in.skipNBytes(bytes);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed mid-response");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
