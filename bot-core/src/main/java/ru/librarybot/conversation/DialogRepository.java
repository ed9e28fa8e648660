package ru.librarybot.conversation;

import org.springframework.data.repository.CrudRepository;

interface DialogRepository extends CrudRepository<Dialog, String> {
}
