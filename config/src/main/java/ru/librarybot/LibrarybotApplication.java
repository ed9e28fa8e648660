package ru.librarybot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LibrarybotApplication {

    public static void main(String[] args) {
        SpringApplication.run(LibrarybotApplication.class, args);
    }
}
