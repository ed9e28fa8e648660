/*
 * The library chat page: talks to POST api/webchat/messages and shows the answers. Bot texts only ever reach the
 * page as textContent or attributes, never as HTML. Plain ES2017 with no build step, for older library PCs.
 */
(function () {
    'use strict';

    var MAX_LENGTH = 4000;
    var COUNTER_FROM = 3500;
    var USER_KEY = 'librarybot.webchat.user';
    var USER_ID = /^[A-Za-z0-9._:-]{1,128}$/;
    var PNG_DATA = 'data:image/png;base64,';
    var LINK = /https?:\/\/[^\s<>"«»]*[^\s<>"«».,;:!?)]/g;
    // reminders and "your book is back" wait on the server until the page asks
    var INBOX_EVERY_MS = 20000;

    var TEXT = {
        reader: 'Вы: ',
        bot: 'Бот: ',
        typing: 'Бот печатает',
        empty: 'Сообщение пустое. Напишите, пожалуйста, ваш вопрос.',
        refused: 'Бот не смог принять это сообщение.',
        serverError: 'Простите, у бота что-то сломалось. Попробуйте ещё раз чуть позже или позвоните в библиотеку.',
        offline: 'Не удалось связаться с ботом. Проверьте подключение к интернету и попробуйте ещё раз.',
        notSent: 'Не отправлено',
        buttons: 'Варианты ответа',
        count: function (n) { return 'Знаков: ' + n + ' из ' + MAX_LENGTH; },
        over: function (n) { return 'Слишком длинно: ' + n + ' знаков из ' + MAX_LENGTH + '. Сократите сообщение.'; }
    };

    // the API lives next to the folder this script came from, wherever the page that embeds the chat is
    var script = document.currentScript;
    var base = new URL('../', script ? script.src : document.baseURI).href;

    function Chat(root) {
        this.root = root;
        this.log = root.querySelector('.lb-chat__log');
        this.typing = root.querySelector('.lb-chat__typing');
        this.notice = root.querySelector('.lb-chat__notice');
        this.form = root.querySelector('.lb-chat__composer');
        this.input = root.querySelector('.lb-chat__input');
        this.counter = root.querySelector('.lb-chat__counter');
        this.title = root.querySelector('.lb-chat__title');
        this.user = readerId();
        this.queue = Promise.resolve();
        this.waiting = 0;
    }

    Chat.prototype.start = function () {
        var chat = this;
        this.form.addEventListener('submit', function (event) {
            event.preventDefault();
            chat.sendTyped();
        });
        this.input.addEventListener('keydown', function (event) {
            // keyCode 229: an input method is still composing the word
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
                event.preventDefault();
                chat.sendTyped();
            }
        });
        this.input.addEventListener('input', function () {
            chat.fitInput();
            chat.countCharacters();
        });
        this.root.querySelectorAll('.lb-chat__menu').forEach(function (button) {
            button.addEventListener('click', function () {
                chat.press(button.textContent.trim(), button.getAttribute('data-payload'));
            });
        });
        this.fitInput();
        this.showTitle();
        this.post({text: '/start'}, null);
        this.watchInbox();
    };

    Chat.prototype.showTitle = function () {
        var chat = this;
        fetch(base + 'api/webchat/config', {headers: {Accept: 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (config) {
                if (config && typeof config.title === 'string' && config.title.trim()) {
                    chat.title.textContent = config.title;
                    if (chat.root.hasAttribute('data-document-title')) {
                        document.title = config.title + ' — чат';
                    }
                }
            })
            .catch(function () { /* the title already in the page stays */ });
    };

    Chat.prototype.sendTyped = function () {
        var text = this.input.value;
        if (!text.trim()) {
            this.showNotice(TEXT.empty);
            this.input.focus();
            return;
        }
        var message = this.addReaderMessage(text);
        this.input.value = '';
        this.fitInput();
        this.countCharacters();
        this.post({text: text}, message);
    };

    Chat.prototype.press = function (label, payload) {
        this.post({button: payload}, this.addReaderMessage(label));
    };

    /** Messages go one after another, so answers come in the order the reader asked. */
    Chat.prototype.post = function (content, message) {
        var chat = this;
        this.waiting++;
        this.showTyping(true);
        this.queue = this.queue
            .then(function () { return chat.deliver(content, message); })
            .then(function () {
                chat.waiting--;
                if (chat.waiting === 0) {
                    chat.showTyping(false);
                }
            });
    };

    Chat.prototype.deliver = async function (content, message) {
        var body = {user: this.user};
        Object.keys(content).forEach(function (key) { body[key] = content[key]; });
        var response;
        var answer = null;
        try {
            response = await fetch(base + 'api/webchat/messages', {
                method: 'POST',
                headers: {'Content-Type': 'application/json', Accept: 'application/json'},
                body: JSON.stringify(body)
            });
        } catch (offline) {
            this.refused(content, message, TEXT.offline);
            return;
        }
        try {
            answer = await response.json();
        } catch (notJson) {
            answer = null;
        }
        if (response.ok && answer && Array.isArray(answer.replies)) {
            this.hideNotice();
            this.showAnswer(answer);
        } else if (response.status >= 400 && response.status < 500 || response.status === 503) {
            this.refused(content, message, answer && typeof answer.error === 'string' ? answer.error : TEXT.refused);
        } else {
            this.refused(content, message, TEXT.serverError);
        }
    };

    /** Nothing the reader typed is lost: it goes back into the box, or stays on screen marked as not sent. */
    Chat.prototype.refused = function (content, message, reason) {
        this.showNotice(reason);
        if (!message) {
            return;
        }
        if (typeof content.text === 'string' && this.input.value === '') {
            message.parentNode.removeChild(message);
            this.input.value = content.text;
            this.fitInput();
            this.countCharacters();
            this.input.focus();
        } else {
            message.classList.add('lb-chat__message--failed');
            var status = element('p', 'lb-chat__status', TEXT.notSent);
            message.appendChild(status);
        }
    };

    Chat.prototype.watchInbox = function () {
        var chat = this;
        var check = function () {
            if (document.hidden) {
                return;
            }
            chat.queue = chat.queue.then(function () {
                return fetch(base + 'api/webchat/inbox?user=' + encodeURIComponent(chat.user),
                        {headers: {Accept: 'application/json'}})
                    .then(function (response) { return response.ok ? response.json() : null; })
                    .then(function (inbox) {
                        if (inbox && inbox.replies && inbox.replies.length) {
                            chat.showAnswer(inbox);
                        }
                    })
                    .catch(function () { /* the next check tries again */ });
            });
        };
        setInterval(check, INBOX_EVERY_MS);
        document.addEventListener('visibilitychange', check);
        check();
    };

    Chat.prototype.showAnswer = function (answer) {
        var chat = this;
        var first = null;
        answer.replies.forEach(function (reply) {
            var message = chat.addBotMessage(reply);
            first = first || message;
        });
        if (first) {
            this.reveal(first);
        }
    };

    Chat.prototype.addReaderMessage = function (text) {
        var message = element('div', 'lb-chat__message lb-chat__message--reader');
        var bubble = element('p', 'lb-chat__bubble');
        bubble.appendChild(element('span', 'lb-chat__hidden', TEXT.reader));
        bubble.appendChild(document.createTextNode(text));
        message.appendChild(bubble);
        this.log.appendChild(message);
        this.reveal(message);
        return message;
    };

    Chat.prototype.addBotMessage = function (reply) {
        var chat = this;
        var message = element('div', 'lb-chat__message lb-chat__message--bot');
        var bubble = element('div', 'lb-chat__bubble');
        bubble.appendChild(element('span', 'lb-chat__hidden', TEXT.bot));
        if (typeof reply.image === 'string' && reply.image.indexOf(PNG_DATA) === 0) {
            var image = element('img', 'lb-chat__image');
            image.alt = typeof reply.alt === 'string' ? reply.alt : '';
            // the picture takes its height only once decoded, which may push the buttons below it out of view
            image.addEventListener('load', function () { chat.reveal(message); });
            image.src = reply.image;
            bubble.appendChild(image);
        } else if (typeof reply.text === 'string') {
            appendWithLinks(bubble, reply.text);
        }
        message.appendChild(bubble);
        var buttons = Array.isArray(reply.buttons) ? reply.buttons : [];
        if (buttons.length > 0) {
            var chips = element('div', 'lb-chat__chips');
            chips.setAttribute('role', 'group');
            chips.setAttribute('aria-label', TEXT.buttons);
            buttons.forEach(function (button) {
                var chip = element('button', 'lb-chat__chip', String(button.label));
                chip.type = 'button';
                chip.addEventListener('click', function () {
                    chat.press(String(button.label), String(button.payload));
                });
                chips.appendChild(chip);
            });
            message.appendChild(chips);
        }
        this.log.appendChild(message);
        return message;
    };

    /** A long answer is shown from its start; a short one simply brings the log to its end. */
    Chat.prototype.reveal = function (message) {
        var log = this.log;
        var bottom = log.scrollHeight - log.clientHeight;
        log.scrollTop = Math.min(bottom, Math.max(0, message.offsetTop - 8));
        if (message.offsetHeight < log.clientHeight) {
            log.scrollTop = bottom;
        }
    };

    Chat.prototype.showTyping = function (on) {
        var typing = this.typing;
        typing.textContent = '';
        if (on) {
            typing.appendChild(document.createTextNode(TEXT.typing));
            var dots = element('span', 'lb-chat__dots');
            dots.setAttribute('aria-hidden', 'true');
            dots.appendChild(element('span'));
            dots.appendChild(element('span'));
            dots.appendChild(element('span'));
            typing.appendChild(dots);
        }
    };

    Chat.prototype.showNotice = function (text) {
        this.notice.textContent = text;
        this.notice.hidden = false;
    };

    Chat.prototype.hideNotice = function () {
        this.notice.hidden = true;
        this.notice.textContent = '';
    };

    Chat.prototype.countCharacters = function () {
        var length = this.input.value.length;
        var over = length > MAX_LENGTH;
        this.counter.hidden = length < COUNTER_FROM;
        this.counter.textContent = over ? TEXT.over(length) : TEXT.count(length);
        this.counter.classList.toggle('lb-chat__counter--over', over);
        if (over) {
            this.input.setAttribute('aria-invalid', 'true');
        } else {
            this.input.removeAttribute('aria-invalid');
        }
    };

    /** The box grows with the text up to its max-height, so a long message can be read back before sending. */
    Chat.prototype.fitInput = function () {
        var input = this.input;
        var borders = input.offsetHeight - input.clientHeight;
        input.style.height = 'auto';
        input.style.height = input.scrollHeight + borders + 'px';
    };

    function element(name, className, text) {
        var node = document.createElement(name);
        if (className) {
            node.className = className;
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    /** Web addresses in a bot text become links; everything else stays plain text. */
    function appendWithLinks(parent, text) {
        var at = 0;
        text.replace(LINK, function (address, offset) {
            parent.appendChild(document.createTextNode(text.slice(at, offset)));
            var link = element('a', null, address);
            link.href = address;
            link.target = '_blank';
            link.rel = 'noopener noreferrer';
            parent.appendChild(link);
            at = offset + address.length;
            return address;
        });
        parent.appendChild(document.createTextNode(text.slice(at)));
    }

    /** One random id per browser, kept so the bot remembers where the reader left off. */
    function readerId() {
        var stored = null;
        try {
            stored = window.localStorage.getItem(USER_KEY);
        } catch (blocked) {
            stored = null;
        }
        if (stored && USER_ID.test(stored)) {
            return stored;
        }
        var bytes = new Uint8Array(16);
        window.crypto.getRandomValues(bytes);
        var id = 'web-' + Array.prototype.map.call(bytes, function (b) {
            return (b < 16 ? '0' : '') + b.toString(16);
        }).join('');
        try {
            window.localStorage.setItem(USER_KEY, id);
        } catch (blocked) {
            // private mode: the id lasts as long as the page
        }
        return id;
    }

    document.querySelectorAll('[data-librarybot-chat]').forEach(function (root) {
        new Chat(root).start();
    });
})();
