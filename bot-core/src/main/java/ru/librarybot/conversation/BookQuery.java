package ru.librarybot.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cuts the book a reader names out of their message. Titles may hold any word, so filler is only peeled off the
 * edges of each clause ("есть ли у вас | Мастер и Маргарита"), never out of the middle.
 */
final class BookQuery {

    /** Longer queries are not titles; a catalog search does not need more. */
    static final int MAX_CHARS = 200;

    // a dot ends a sentence unless it follows an initial ("А.С. Пушкин")
    private static final Pattern SENTENCE = Pattern.compile("[!?\\n]+|(?<=[\\p{L}\\p{N}]{2})\\.(?=\\s|$)");
    private static final Pattern CLAUSE = Pattern.compile("[,;:—–…()]|\\.{2,}|\\s-\\s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*");

    /** Words that ask for a book; a clause that had them names the book. */
    private static final Set<String> REQUEST = wordSet("""
            ищу ищем ищет ищете искал искала разыскиваю найдите найти найди найдется найдутся поиск есть имеется
            имеются наличии наличие свободна свободен свободно свободны свободный свободная свободные экземпляр
            экземпляры нужна нужен нужно нужны надо почитать прочитать прочесть читать взять заказать забронировать
            отложить дайте дай интересует книга книгу книги книг книжка книжку книжки книжек книгами книгой роман
            купите купить купили купи куплю закупите закупить закупку закупки закупка приобрести приобретите
            приобрела приобрели пополните пополнить предлагаю предложить предложу появилась появился появились
            покупки покупку хочу хачу хотела хотел хотим хотели""");

    /** Stems of the same: verbs come in too many forms to list ("закупили", "приобретут"). */
    private static final List<String> REQUEST_STEMS = List.of(
            "закуп", "приобре", "пополн", "купил", "купит", "купят", "заказ", "забронир", "разыскива", "экземпляр");

    /** Words a "ли" follows when it only asks ("есть ли"), unlike the name "Ли Бардуго". */
    private static final Set<String> ASKING_LI = wordSet("""
            есть нет имеется имеются свободна свободен свободно свободны можно нельзя наличии найдется найдутся
            могу можете будет""");

    /** Politeness, greetings and small words readers wrap a request in. */
    private static final Set<String> NOISE = wordSet("""
            здравствуйте здраствуйте здравствуй привет приветствую пожалуйста пожалуйсто пожалуста плиз пж пжл
            спасибо заранее уважаемые уважаемый уважаемая дорогие подскажите скажите посмотрите проверьте узнать
            уточнить интересуюсь будьте добры извините прошу просим просит попросить рассмотреть посоветовать советую
            возможности возможность пожелание я мы вы ты мне нам меня вас вам его ее их это эту там тут здесь еще
            очень тоже также можно нельзя могу можете может можешь как где какие какая какой какую почему нет если
            было бы же ну вот а чтобы что-нибудь что-то чтото чтонибудь нибудь хотелось хочется здорово неплохо
            хорошо срочно новую новый новые новинку моя мой мои мою внучка внучке внуку внук ребенок ребенку ребенка
            библиотека библиотеки библиотеке библиотеку вашей ваша ваш вашу фонд помогите помоги посоветуйте подберите
            порекомендуйте""");

    private static final List<List<String>> REQUEST_PHRASES = phrases(
            "в наличии", "в библиотеке", "в библиотеку", "в каталоге", "по каталогу", "для покупки", "для закупки",
            "для библиотеки", "для детского отдела", "для детской библиотеки");

    private static final List<List<String>> NOISE_PHRASES = phrases(
            "у вас", "добрый день", "добрый вечер", "доброе утро", "доброго дня", "доброй ночи", "что нибудь",
            "что то", "в вашей библиотеке", "что-то из", "что-нибудь из", "чтото из", "что то из",
            "что нибудь из", "что почитать", "что можно почитать", "что бы почитать", "для внука", "для внучки",
            "для ребенка", "для сына", "для дочки", "для дочери");

    private BookQuery() {
    }

    /** The book named in a normalized message: lower case, no punctuation, fillers peeled off; may be empty. */
    static String of(String normalized) {
        List<String> named = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String sentence : SENTENCE.split(normalized)) {
            boolean naming = false;
            for (String clause : CLAUSE.split(sentence)) {
                Peeled peeled = peel(words(clause));
                if (peeled.words().isEmpty()) {
                    continue;
                }
                all.addAll(peeled.words());
                // a title may run on past a comma ("Дом, в котором…") to the end of the sentence
                naming |= peeled.asked();
                if (naming) {
                    named.addAll(peeled.words());
                }
            }
        }
        return bounded(String.join(" ", named.isEmpty() ? all : named));
    }

    static boolean isFiller(String word) {
        return isRequest(word) || NOISE.contains(word);
    }

    private static boolean isRequest(String word) {
        return REQUEST.contains(word) || REQUEST_STEMS.stream().anyMatch(word::startsWith);
    }

    private record Peeled(List<String> words, boolean asked) {
    }

    private static Peeled peel(List<String> words) {
        int from = 0;
        int to = words.size();
        boolean asked = false;
        boolean peeling = true;
        while (peeling && from < to) {
            peeling = false;
            int phrase = phraseAt(words, from, to, true);
            if (phrase > 0) {
                asked |= startsWithRequest(words, from);
                from += phrase;
                peeling = true;
            }
            phrase = phraseAt(words, from, to, false);
            if (phrase > 0 && from < to) {
                asked |= startsWithRequest(words, to - phrase);
                to -= phrase;
                peeling = true;
            }
        }
        return new Peeled(List.copyOf(words.subList(from, Math.max(from, to))), asked);
    }

    /** Length of the filler phrase or word at the left (or right) edge of words[from, to), or 0. */
    private static int phraseAt(List<String> words, int from, int to, boolean left) {
        for (List<List<String>> phrases : List.of(REQUEST_PHRASES, NOISE_PHRASES)) {
            for (List<String> phrase : phrases) {
                int n = phrase.size();
                if (to - from >= n && words.subList(left ? from : to - n, left ? from + n : to).equals(phrase)) {
                    return n;
                }
            }
        }
        if (from >= to) {
            return 0;
        }
        String word = words.get(left ? from : to - 1);
        if (word.equals("ли")) {
            return !left || (from > 0 && ASKING_LI.contains(words.get(from - 1))) ? 1 : 0;
        }
        return isFiller(word) ? 1 : 0;
    }

    private static boolean startsWithRequest(List<String> words, int at) {
        String word = words.get(at);
        return isRequest(word) || REQUEST_PHRASES.stream().anyMatch(p -> p.getFirst().equals(word)
                && at + p.size() <= words.size() && words.subList(at, at + p.size()).equals(p));
    }

    private static List<String> words(String clause) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(clause);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    private static String bounded(String query) {
        if (query.length() <= MAX_CHARS) {
            return query;
        }
        int cut = query.lastIndexOf(' ', MAX_CHARS);
        return query.substring(0, cut > 0 ? cut : MAX_CHARS);
    }

    private static Set<String> wordSet(String block) {
        return Arrays.stream(block.split("\\s+")).filter(w -> !w.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    private static List<List<String>> phrases(String... phrases) {
        return Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
    }
}
