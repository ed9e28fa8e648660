package ru.librarybot.circulation.sip2;

import java.io.IOException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.librarybot.circulation.CirculationUnavailable;

/**
 * A small pool of logged-in SIP2 connections. A broken connection is dropped and a new one opened. A read is sent
 * again on a new connection when the first one broke; a renewal is sent once, over a connection just checked, so
 * a server that dropped the line after renewing never renews twice.
 */
public class Sip2Client implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sip2Client.class);

    private final Sip2Settings settings;
    private final BlockingDeque<Sip2Connection> idle = new LinkedBlockingDeque<>();
    private final Semaphore permits;
    private volatile boolean closed;

    public Sip2Client(Sip2Settings settings) {
        this.settings = settings;
        this.permits = new Semaphore(settings.poolSize(), true);
    }

    /**
     * @param repeatable whether sending the request twice does no harm (everything but renewals). A request that
     *                   is not goes only over a connection just checked with SC status, and is never sent again.
     */
    Sip2Message send(String request, String expectedCode, boolean repeatable) {
        acquire();
        try {
            Sip2Connection pooled = idle.pollFirst();
            if (pooled != null && !repeatable) {
                pooled = checked(pooled);
            }
            try {
                return exchange(pooled, request, expectedCode);
            } catch (IOException | Sip2ProtocolException first) {
                if (!repeatable) {
                    throw unavailable(request, first);
                }
                log.debug("SIP2 connection lost ({}); trying once more on a new one", first.getMessage());
                try {
                    return exchange(null, request, expectedCode);
                } catch (IOException | Sip2ProtocolException second) {
                    throw unavailable(request, second);
                }
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        Sip2Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }

    private Sip2Message exchange(Sip2Connection pooled, String request, String expectedCode) throws IOException {
        Sip2Connection connection = pooled != null ? pooled : open();
        try {
            Sip2Message reply = connection.exchange(request, expectedCode);
            if (closed) {
                connection.close();
            } else {
                idle.offerFirst(connection);
            }
            return reply;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The pooled connection if it still answers SC status, otherwise none (a new one is opened). */
    private Sip2Connection checked(Sip2Connection pooled) {
        try {
            pooled.status();
            return pooled;
        } catch (IOException | RuntimeException e) {
            pooled.close();
            return null;
        }
    }

    private Sip2Connection open() throws IOException {
        try {
            return Sip2Connection.open(settings);
        } catch (Sip2LoginRefused e) {
            log.error(e.getMessage());
            throw new CirculationUnavailable(e.getMessage());
        }
    }

    private void acquire() {
        long wait = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
        try {
            if (!permits.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                throw new CirculationUnavailable("every SIP2 connection stayed busy for " + wait + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CirculationUnavailable("interrupted while waiting for a SIP2 connection");
        }
    }

    private CirculationUnavailable unavailable(String request, Exception cause) {
        // the request may hold a card number or PIN: only its code is told
        return new CirculationUnavailable("SIP2 request " + request.substring(0, 2) + " to " + settings.host() + ":"
                + settings.port() + " failed: " + cause.getClass().getSimpleName() + " " + cause.getMessage());
    }
}
