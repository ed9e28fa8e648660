package ru.librarybot.delivery;

import org.springframework.data.repository.CrudRepository;

interface ReaderAccountRepository extends CrudRepository<ReaderAccount, String> {
}
