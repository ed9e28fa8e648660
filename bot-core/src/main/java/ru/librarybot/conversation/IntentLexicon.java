package ru.librarybot.conversation;

import static ru.librarybot.conversation.Intent.AVAILABILITY;
import static ru.librarybot.conversation.Intent.EVENTS;
import static ru.librarybot.conversation.Intent.FEEDBACK;
import static ru.librarybot.conversation.Intent.HELP;
import static ru.librarybot.conversation.Intent.HUMAN;
import static ru.librarybot.conversation.Intent.INFO;
import static ru.librarybot.conversation.Intent.LINK_CARD;
import static ru.librarybot.conversation.Intent.LOANS;
import static ru.librarybot.conversation.Intent.RENEW;
import static ru.librarybot.conversation.Intent.SUBSCRIBE;
import static ru.librarybot.conversation.Intent.UNSUBSCRIBE;
import static ru.librarybot.conversation.Intent.WISH;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words readers use for each intent, weighted by how surely they point at it. A message scores the sum of
 * the cues found in it; a cue of several words matches them in order with at most two other words between.
 * A negative cue takes a reading back ("где купить" asks where to buy, not that the library buy).
 */
final class IntentLexicon {

    /** One word or phrase that speaks for an intent. Longer variants of a stem ("продли") let typos match it. */
    record Cue(Intent intent, double weight, List<WordPattern> words) {
    }

    private static final int MAX_GAP = 2;
    private static final int NEGATION_REACH = 4;
    private static final double CARD_NUMBER_WEIGHT = 2;
    private static final int CARD_NUMBER_DIGITS = 5;

    private static final List<Cue> CUES = List.of(
            // HELP: the menu, what the bot can do, and ways to step back
            cue(HELP, 3, "=меню"), cue(HELP, 3, "помощ"), cue(HELP, 2, "=помоги|помогите"), cue(HELP, 3, "умее"),
            cue(HELP, 2.5, "=можешь"), cue(HELP, 2.5, "команд"), cue(HELP, 2, "инструкц"), cue(HELP, 2, "пользоват"),
            cue(HELP, 2, "=стоп"), cue(HELP, 2, "=назад"), cue(HELP, 2.5, "отмен"), cue(HELP, 1.5, "=начать|начало"),
            cue(HELP, 1, "разобрат"), cue(HELP, 1, "=главное|главная"), cue(HELP, 1, "=вернуться"),
            cue(HELP, 2, "=не поним|понял"), cue(HELP, 1, "=что =можно"), cue(HELP, 0.5, "=сделать"),
            cue(HELP, 0.5, "=здесь|тут"), cue(HELP, 3, "=хелп|=хэлп|=help"), cue(HELP, 2.5, "=с =тобой"),

            // AVAILABILITY: is a book there, can I take it
            cue(AVAILABILITY, 1.5, "=есть"), cue(AVAILABILITY, 0.5, "=есть =ли"),
            cue(AVAILABILITY, 2, "=ищу|=ищем|=ищет|=ищете|разыскива"), cue(AVAILABILITY, 2.5, "=найди|найдите"),
            cue(AVAILABILITY, 1.5, "=найти|найдется|найдутся"), cue(AVAILABILITY, 2, "поиск"),
            cue(AVAILABILITY, 2, "каталог"), cue(AVAILABILITY, 3, "наличи"), cue(AVAILABILITY, 2, "=имеется|имеются"),
            cue(AVAILABILITY, 1.5, "свобод"), cue(AVAILABILITY, 1.5, "экземпляр"), cue(AVAILABILITY, 1.5, "почитат"),
            cue(AVAILABILITY, 1, "прочитат|прочест"), cue(AVAILABILITY, 1.5, "=взять"),
            cue(AVAILABILITY, 1.5, "заказат|заброниров|=отложить"), cue(AVAILABILITY, 1, "книг|книж"),
            cue(AVAILABILITY, 1, "учебник|энциклопед|словар|сборник|журнал|комикс|манг|аудиокниг"),
            cue(AVAILABILITY, 1, "рассказ|=стихи|стихотв|сказк|повест|=роман"),
            cue(AVAILABILITY, 1, "=дайте|дай"), cue(AVAILABILITY, 1.5, "интересует"),
            cue(AVAILABILITY, 1.5, "=хочу|хачу|хотим|хотела|хотел книг|книж"), cue(AVAILABILITY, 1.5, "=мне =бы"),
            cue(AVAILABILITY, 0.5, "=нужна|нужен|нужны|нужно"),

            // LOANS: what I have and when it is due
            cue(LOANS, 3.5, "=на =руках"), cue(LOANS, 3, "=мои|моих|моя|мой|мою|моим книг|книж"),
            cue(LOANS, 2.5, "=меня книг|книж"), cue(LOANS, 2, "сдава|=сдать|сдач"), cue(LOANS, 2, "=вернуть"),
            cue(LOANS, 2, "возвращ"), cue(LOANS, 1.5, "возврат"), cue(LOANS, 2, "=взял|взяла|взяли|брал|брала|брали"),
            cue(LOANS, 3.5, "долг|задолж"), cue(LOANS, 3, "просроч"), cue(LOANS, 3, "формуляр"),
            cue(LOANS, 1.5, "числ"), cue(LOANS, 1.5, "=за =мной"), cue(LOANS, 2.5, "держат"), cue(LOANS, 1, "=срок"),

            // RENEW: keep the books longer
            cue(RENEW, 3.5, "продл|продли|продлев|продлен"), cue(RENEW, 2.5, "подольше"), cue(RENEW, 2.5, "подержат"),
            cue(RENEW, 1.5, "дочитат"), cue(RENEW, 1.5, "успева"),

            // INFO: hours, address, registration, prices, services
            cue(INFO, 2, "работ"), cue(INFO, 2, "открыт|открыва|закрыт|закрыва"),
            cue(INFO, 2.5, "=во|=до =сколько|скольки|скока"), cue(INFO, 1, "=скока"), cue(INFO, 3, "=сколько =стоит"),
            cue(INFO, 3, "стоимост"), cue(INFO, 1, "=стоит"), cue(INFO, 2.5, "=цена|цены|ценам|прайс"),
            cue(INFO, 2.5, "платн|бесплатн"),
            cue(INFO, 1, "понедельн|вторник|=среду|=среда|четверг|пятниц|суббот|воскрес"),
            cue(INFO, 1, "сегодн|=завтра"), cue(INFO, 0.5, "=сейчас|щас"), cue(INFO, 1.5, "выходн"),
            cue(INFO, 1.5, "=в праздник|празднич"), cue(INFO, 1, "=часы"), cue(INFO, 2.5, "режим|график"),
            cue(INFO, 2, "расписан"), cue(INFO, 3, "адрес"), cue(INFO, 2, "наход|располож"),
            cue(INFO, 3, "доеха|проеха|добрат|=дойти|=пройти|=проехать"), cue(INFO, 3, "телефон"),
            cue(INFO, 2.5, "позвон|=звонить"), cue(INFO, 2.5, "контакт"), cue(INFO, 2.5, "запис|регистрир|зарегистр"),
            cue(INFO, 2, "документ"), cue(INFO, 3, "паспорт"), cue(INFO, 1.5, "справк"),
            cue(INFO, 3, "распечат|принтер|ксерокс|ксерокоп|копир"), cue(INFO, 2, "печат|скан"),
            cue(INFO, 3, "wifi|вайфа|интернет"), cue(INFO, 3, "=wi =fi"), cue(INFO, 3, "=вай =фай"),
            cue(INFO, 2, "пароль"), cue(INFO, 3, "парковк"), cue(INFO, 2.5, "читальн"), cue(INFO, 1, "=зал"),
            cue(INFO, 2.5, "ноутбук|компьютер"), cue(INFO, 2, "собак|животн"), cue(INFO, 3, "санитарн"),
            cue(INFO, 1.5, "филиал"), cue(INFO, 3, "потерял|потеряла"), cue(INFO, 3, "=стать читател"),
            cue(INFO, 1.5, "=библиотека"), cue(INFO, 3, "подари|подарю|пожертв"), cue(INFO, 3, "=в =дар"),
            cue(INFO, 1, "=что =делать"), cue(INFO, 2, "правил"), cue(INFO, 1.5, "=сколько книг"),
            cue(INFO, 2, "=за =раз"),

            // EVENTS: what is on
            cue(EVENTS, 3.5, "афиш"), cue(EVENTS, 3, "мероприят"), cue(EVENTS, 2.5, "событи"),
            cue(EVENTS, 2.5, "встреч"), cue(EVENTS, 1.5, "писател"), cue(EVENTS, 2.5, "круж|клуб|секци"),
            cue(EVENTS, 3, "мастеркласс"), cue(EVENTS, 3, "=мастер класс"),
            cue(EVENTS, 3, "лекци|выставк|квиз|анонс|концерт|спектакл|экскурси|фестивал|викторин|библионоч"),
            cue(EVENTS, 2.5, "праздник|презентац|конкурс|чтения"), cue(EVENTS, 2, "интересн"),
            cue(EVENTS, 2, "намеча"), cue(EVENTS, 1, "=будет|будут"), cue(EVENTS, 1.5, "=что|когда =будет|будут"),
            cue(EVENTS, 1, "проход|=пройдет|состоит"), cue(EVENTS, 4, "=день =открытых"), cue(EVENTS, 2, "=сходить"),
            cue(EVENTS, 1, "=куда =сходить"), cue(EVENTS, 1.5, "каникул"), cue(EVENTS, 1, "=на =выходных"),
            cue(EVENTS, 1, "ближайш"),

            // SUBSCRIBE: send me news (said with a negation, these count for UNSUBSCRIBE)
            cue(SUBSCRIBE, 3, "подпис|подпиш"), cue(SUBSCRIBE, 2, "рассылк"), cue(SUBSCRIBE, 2, "новост"),
            cue(SUBSCRIBE, 2.5, "получат"), cue(SUBSCRIBE, 1.5, "=хочу получат"), cue(SUBSCRIBE, 2, "приходил"),
            cue(SUBSCRIBE, 2.5, "уведомл"), cue(SUBSCRIBE, 3.5, "оповещ"), cue(SUBSCRIBE, 4, "присыла|присылат"),
            cue(SUBSCRIBE, 1, "=слать"), cue(SUBSCRIBE, 3, "сообщайт"), cue(SUBSCRIBE, 3, "=в =курсе"),
            cue(SUBSCRIBE, 1, "новинк"),

            // UNSUBSCRIBE: stop sending
            cue(UNSUBSCRIBE, 4, "отпис|отпиш"), cue(UNSUBSCRIBE, 3, "отказ"), cue(UNSUBSCRIBE, 2, "=из =рассылки"),
            cue(UNSUBSCRIBE, 1.5, "убер|удали"), cue(UNSUBSCRIBE, 3, "перестан|прекрат"),
            cue(UNSUBSCRIBE, 2.5, "=хватит"), cue(UNSUBSCRIBE, 2.5, "надоел"), cue(UNSUBSCRIBE, 2.5, "отключ"),
            cue(UNSUBSCRIBE, 3, "спам"), cue(UNSUBSCRIBE, 4, "отмен подписк"),
            cue(UNSUBSCRIBE, 3, "=не =пишите|писать"), cue(UNSUBSCRIBE, 1.5, "=больше =не"),
            cue(UNSUBSCRIBE, 4, "=стоп рассылк|новост|уведомл"),

            // WISH: buy this book for the library
            cue(WISH, 3, "купит|купил|куплю"), cue(WISH, 1, "=купи"), cue(WISH, 3, "закуп"), cue(WISH, 3, "приобре"),
            cue(WISH, 3, "покупк"), cue(WISH, 2.5, "пополн"), cue(WISH, 1, "=фонд"), cue(WISH, 1.5, "появил"),
            cue(WISH, 1, "=если =бы"), cue(WISH, 4, "предлож|предлага книг|книж"),
            cue(WISH, 3, "предлож|предлага купит|приобре|закуп"), cue(WISH, 3, "заказ =в =библиотеку"),
            cue(WISH, -3, "=где купит|купил"),

            // FEEDBACK: praise, complaints, suggestions about the library's work
            cue(FEEDBACK, 3.5, "отзыв"), cue(FEEDBACK, 3.5, "жалоб|пожалов"), cue(FEEDBACK, 1.5, "спасиб|благодар"),
            cue(FEEDBACK, 2.5, "спасиб|благодар =за"), cue(FEEDBACK, 2, "спасиб =вам|большое|огромное"),
            cue(FEEDBACK, 2, "=большое|огромное спасиб"), cue(FEEDBACK, 3, "молодц"),
            cue(FEEDBACK, 1.5, "отличн|прекрасн|замечательн|классн|=супер"), cue(FEEDBACK, 1.5, "помогл"),
            cue(FEEDBACK, 3, "предлож|предлага"), cue(FEEDBACK, 2, "пожелани"), cue(FEEDBACK, 1, "=сделать|сделайте"),
            cue(FEEDBACK, 2, "оценк|звезд"), cue(FEEDBACK, 2, "плохо|ужасн|отвратит"), cue(FEEDBACK, 2, "плохо работ"),
            cue(FEEDBACK, 2.5, "груб|хам"), cue(FEEDBACK, 3, "недовол|замечани"), cue(FEEDBACK, 1.5, "проблем"),
            cue(FEEDBACK, 1, "сообщит"), cue(FEEDBACK, 2, "=не =работает"), cue(FEEDBACK, 1.5, "=сайт"),
            cue(FEEDBACK, 1.5, "=холодно|жарко|душно|грязно|шумно"), cue(FEEDBACK, 1, "туалет"),

            // HUMAN: a person, not the bot
            cue(HUMAN, 2, "библиотекар"), cue(HUMAN, 3, "человек"), cue(HUMAN, 3.5, "оператор"),
            cue(HUMAN, 2, "сотрудник"), cue(HUMAN, 3, "консульт|администратор|менеджер"), cue(HUMAN, 2, "специалист"),
            cue(HUMAN, 2.5, "позов|позвать"), cue(HUMAN, 2.5, "соедин"), cue(HUMAN, 2, "связат"),
            cue(HUMAN, 2, "=живой|живым|живому|живого"), cue(HUMAN, 2, "поговор"), cue(HUMAN, 2, "передайте|передать"),
            cue(HUMAN, 1.5, "=задать =вопрос"), cue(HUMAN, 1, "вопрос"), cue(HUMAN, 1.5, "=ботом"),
            cue(HUMAN, 1.5, "общат"), cue(HUMAN, 1, "=робот"), cue(HUMAN, 3, "позвоните|перезвоните =мне|нам"),

            // LINK_CARD: tie my library card to this chat
            cue(LINK_CARD, 3.5, "привяз"), cue(LINK_CARD, 1.5, "читател"), cue(LINK_CARD, 1, "билет"),
            cue(LINK_CARD, 1, "=номер"), cue(LINK_CARD, 0.5, "=карта|карты|карту|карточк"),
            cue(LINK_CARD, 1.5, "подключ"), cue(LINK_CARD, 1.5, "=войти|вход|авториз|аккаунт|кабинет"),
            cue(LINK_CARD, 1, "=добавить"), cue(LINK_CARD, 1, "=ввести|введу|вводить"));

    private static final List<WordPattern> GREETINGS = patterns(
            "привет", "здравств|здраст", "=приветствую|=хай|=hello|=hi|=салют",
            "=добрый|доброе|доброго|доброй");

    // words that turn a subscription cue around: "не присылайте", "уберите уведомления"
    private static final WordPattern NEGATION =
            WordPattern.parse("=не|хватит|перестан|прекрат|отказ|отмен|убер|удали|отключ");

    private static final List<WordPattern> ALL_PATTERNS = allPatterns();
    private static final Map<WordPattern, Integer> INDEX = index(ALL_PATTERNS);
    private static final WordIndex WORDS = new WordIndex(ALL_PATTERNS);

    /** What each intent scores for one message (intents with no cue in it are absent), and whether it greets. */
    record Reading(Map<Intent, Double> scores, boolean greets) {
    }

    private IntentLexicon() {
    }

    static Reading read(List<String> words) {
        BitSet[] matched = match(words);
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        for (Cue cue : CUES) {
            int start = find(cue.words(), matched);
            if (start >= 0) {
                Intent intent = cue.intent() == SUBSCRIBE && negated(start, matched) ? UNSUBSCRIBE : cue.intent();
                scores.merge(intent, cue.weight(), Double::sum);
            }
        }
        if (words.stream().anyMatch(IntentLexicon::looksLikeCardNumber)) {
            scores.merge(LINK_CARD, CARD_NUMBER_WEIGHT, Double::sum);
        }
        return new Reading(scores, greets(matched));
    }

    private static boolean greets(BitSet[] matched) {
        for (BitSet word : matched) {
            for (WordPattern greeting : GREETINGS) {
                if (word.get(INDEX.get(greeting))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For each word, the patterns it matches; a flood repeats words, so each distinct word is looked up once. */
    private static BitSet[] match(List<String> words) {
        Map<String, BitSet> seen = new HashMap<>();
        BitSet[] matched = new BitSet[words.size()];
        for (int w = 0; w < words.size(); w++) {
            matched[w] = seen.computeIfAbsent(words.get(w), WORDS::match);
        }
        return matched;
    }

    private static int find(List<WordPattern> cue, BitSet[] matched) {
        int first = INDEX.get(cue.getFirst());
        for (int start = 0; start < matched.length; start++) {
            if (matched[start].get(first) && restFollows(cue, 1, start, matched)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean restFollows(List<WordPattern> cue, int next, int previous, BitSet[] matched) {
        if (next == cue.size()) {
            return true;
        }
        int pattern = INDEX.get(cue.get(next));
        for (int w = previous + 1; w <= previous + 1 + MAX_GAP && w < matched.length; w++) {
            if (matched[w].get(pattern) && restFollows(cue, next + 1, w, matched)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(int start, BitSet[] matched) {
        int negation = INDEX.get(NEGATION);
        for (int w = Math.max(0, start - NEGATION_REACH); w < start; w++) {
            if (matched[w].get(negation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeCardNumber(String word) {
        return word.length() >= CARD_NUMBER_DIGITS && word.chars().allMatch(Character::isDigit);
    }

    private static Cue cue(Intent intent, double weight, String phrase) {
        return new Cue(intent, weight, patterns(phrase.split(" ")));
    }

    private static List<WordPattern> patterns(String... specs) {
        return Arrays.stream(specs).map(WordPattern::parse).toList();
    }

    private static List<WordPattern> allPatterns() {
        List<WordPattern> all = new ArrayList<>();
        CUES.forEach(cue -> all.addAll(cue.words()));
        all.addAll(GREETINGS);
        all.add(NEGATION);
        return List.copyOf(all);
    }

    private static Map<WordPattern, Integer> index(List<WordPattern> patterns) {
        Map<WordPattern, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            index.put(patterns.get(i), i);
        }
        return index;
    }
}
