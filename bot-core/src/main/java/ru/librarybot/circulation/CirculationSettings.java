package ru.librarybot.circulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ru.librarybot.circulation.sip2.Sip2Settings;

/**
 * Where loans come from and how cards are checked ({@code librarybot.circulation.*}).
 *
 * @param cardCheck what a reader gives with the card number: their PIN or their surname
 * @param cardKey base64 of 32 bytes (LIBRARYBOT_CARD_KEY) that encrypts stored card numbers; made and kept in the
 *                store when unset
 * @param importFile the library's CSV export of patrons and loans for the embedded circulation, re-read when it
 *                   changes
 * @param demo whether a fresh embedded circulation with no import file gets the demo readers
 * @param sip2 the library's SIP2 server; when its host is set, loans come from there
 */
@ConfigurationProperties("librarybot.circulation")
public record CirculationSettings(@DefaultValue("pin") CardCheck cardCheck, String cardKey, String importFile,
                                  @DefaultValue("true") boolean demo,
                                  @DefaultValue Sip2Settings sip2) {

    /** Never prints the card key or the SIP2 password. */
    @Override
    public String toString() {
        return "CirculationSettings[cardCheck=" + cardCheck + ", importFile=" + importFile + ", demo=" + demo
                + ", sip2=" + sip2 + "]";
    }
}
