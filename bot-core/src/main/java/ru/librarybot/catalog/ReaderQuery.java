package ru.librarybot.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a reader typed, reduced to the words that name a book: greetings, "есть ли у вас", "ищу", "книгу" and the
 * like are dropped from the start and end, punctuation and query syntax become plain spaces.
 */
final class ReaderQuery {

    /** Longer text is not a book name; cutting it keeps a pasted page from costing the index anything. */
    static final int MAX_CHARS = 300;
    private static final Pattern VAGUE = Pattern.compile(
            "\\b(что|какую|какая|какие|какой|кого|чего)[-\\s]?(нибудь|то|либо)\\b");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> LEADING = Set.of(
            "здравствуйте", "здравствуй", "привет", "добрый", "доброе", "доброго", "день", "вечер", "утро", "дня",
            "подскажите", "подскажи", "скажите", "скажи", "пожалуйста", "пожалуйсто", "плиз", "есть", "ли", "у", "вас",
            "в", "вашей", "библиотеке", "наличии", "имеется", "имеются", "а", "я", "мне", "нам", "ищу", "ищем",
            "разыскиваю", "хочу", "хотел", "хотела", "хотелось", "бы", "почитать", "прочитать", "прочесть", "взять",
            "найти", "найди", "найдите", "нужна", "нужен", "нужно", "нужны", "можно", "книга", "книгу", "книги",
            "книжка", "книжку", "книжки", "книг", "автора", "автор", "писателя", "писатель", "роман", "романа",
            "повесть", "повести", "про", "о", "об", "еще", "ещё", "тоже", "какая", "нибудь", "такая", "такую");
    private static final Set<String> TRAILING = Set.of(
            "пожалуйста", "спасибо", "есть", "у", "вас", "в", "наличии", "библиотеке", "имеется", "ли", "или", "нет");

    /** Words that say what kind of book, not which: they help rank but a title need not contain them. */
    private static final Set<String> KIND_OF_BOOK = Set.of(
            "пьеса", "пьесу", "пьесы", "стихи", "стихов", "стихотворения", "стихотворение", "поэма", "поэму",
            "учебник", "учебника", "пособие", "сборник", "справочник", "словарь", "энциклопедия", "энциклопедию",
            "сказка", "сказку", "сказки", "роман", "рассказ", "повесть", "книга", "книгу", "книжка", "книжку", "том",
            "издание", "новое", "детская", "детскую", "детей", "детям");
    private static final Map<String, String> NUMBERS = numbers();

    private ReaderQuery() {
    }

    static boolean isKindOfBook(String word) {
        return KIND_OF_BOOK.contains(word);
    }

    /** "12" for "двенадцать" and back, since titles write numbers either way. */
    static String numberTwin(String word) {
        return NUMBERS.get(word);
    }

    private static Map<String, String> numbers() {
        String[] words = {"ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять",
                "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
                "семнадцать", "восемнадцать", "девятнадцать", "двадцать"};
        Map<String, String> twins = new java.util.HashMap<>();
        for (int i = 1; i < words.length; i++) {
            twins.put(String.valueOf(i), words[i]);
        }
        twins.put("30", "тридцать");
        twins.put("40", "сорок");
        twins.put("50", "пятьдесят");
        twins.put("100", "сто");
        twins.put("1000", "тысяча");
        Map<String, String> both = new java.util.HashMap<>(twins);
        twins.forEach((digits, word) -> both.put(word, digits));
        both.put("тысячи", "1000");
        both.put("двух", "2");
        both.put("трех", "3");
        return Map.copyOf(both);
    }

    /** The book-naming words in lower case with ё as е, or an empty string if nothing is left. */
    static String strip(String text) {
        if (text == null) {
            return "";
        }
        String t = text.length() > MAX_CHARS * 4 ? text.substring(0, MAX_CHARS * 4) : text;
        t = t.toLowerCase(Locale.ROOT).replace('ё', 'е');
        t = VAGUE.matcher(t).replaceAll(" ");
        t = NOT_A_WORD.matcher(t).replaceAll(" ").strip();
        if (t.length() > MAX_CHARS) {
            t = t.substring(0, MAX_CHARS);
        }
        List<String> words = new ArrayList<>(Arrays.asList(t.split(" ")));
        words.removeIf(String::isEmpty);
        while (!words.isEmpty() && LEADING.contains(words.getFirst())) {
            words.removeFirst();
        }
        while (!words.isEmpty() && TRAILING.contains(words.getLast())) {
            words.removeLast();
        }
        return String.join(" ", words);
    }

    /** Text compared whole against titles: case, ё and punctuation folded. */
    static String normalized(String text) {
        return NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ").strip();
    }
}
