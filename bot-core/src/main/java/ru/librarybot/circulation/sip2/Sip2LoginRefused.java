package ru.librarybot.circulation.sip2;

/** The SIP2 server refused the bot's login (93): LIBRARYBOT_SIP2_USER/PASSWORD/LOCATION are wrong. */
class Sip2LoginRefused extends RuntimeException {

    Sip2LoginRefused() {
        super("The SIP2 server refused the login: check LIBRARYBOT_SIP2_USER, LIBRARYBOT_SIP2_PASSWORD and LOCATION");
    }
}
