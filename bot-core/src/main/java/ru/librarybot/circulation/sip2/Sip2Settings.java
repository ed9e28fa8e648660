package ru.librarybot.circulation.sip2;

import java.nio.charset.Charset;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the library's circulation system over SIP2 (LIBRARYBOT_SIP2_*).
 *
 * @param host empty when the library has no SIP2 server: the embedded circulation is used then
 * @param location the SC location code sent at login (CP)
 * @param institution the institution id sent with every request (AO)
 * @param charset how the server encodes text: UTF-8 or windows-1251 for Russian systems
 * @param errorDetection whether messages carry sequence numbers and checksums (AY…AZ)
 * @param poolSize how many connections are kept open to the server
 */
public record Sip2Settings(String host, @DefaultValue("6001") int port, String user, String password, String location,
                           String institution, @DefaultValue("UTF-8") String charset,
                           @DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout,
                           @DefaultValue("2") int poolSize, @DefaultValue("true") boolean errorDetection) {

    public Sip2Settings {
        if (host != null && !host.isBlank()) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("LIBRARYBOT_SIP2_PORT must be a port number, not " + port);
            }
            if (!Charset.isSupported(charset)) {
                throw new IllegalArgumentException("LIBRARYBOT_SIP2_CHARSET " + charset
                        + " is not a charset this Java knows; use UTF-8 or windows-1251");
            }
            if (poolSize < 1) {
                throw new IllegalArgumentException("librarybot.circulation.sip2.pool-size must be at least 1");
            }
        }
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    Charset encoding() {
        return Charset.forName(charset);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Sip2Settings[" + host + ":" + port + ", user=" + user + ", location=" + location + ", institution="
                + institution + ", charset=" + charset + "]";
    }
}
