package ru.librarybot.library;

/** One line of the price list: "Ксерокопия А4" — "10 ₽ за страницу". */
public record Price(String name, String price) {

    public Price {
        name = Profiles.required(name, "name");
        price = Profiles.required(price, "price");
    }
}
