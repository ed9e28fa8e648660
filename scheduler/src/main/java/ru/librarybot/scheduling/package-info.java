/** Jobs the bot runs on a schedule (nightly purges, reminders, broadcasts), each under a lock so one instance runs it. */
package ru.librarybot.scheduling;
