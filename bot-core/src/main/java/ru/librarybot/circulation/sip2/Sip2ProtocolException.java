package ru.librarybot.circulation.sip2;

/** The server answered something that is not SIP2 as this client reads it: the connection is not trusted again. */
class Sip2ProtocolException extends RuntimeException {

    Sip2ProtocolException(String message) {
        super(message);
    }
}
