// <quiz-attempt>: the quiz page's behaviour around the server-rendered questions (Features/Attempts/AttemptPage.razor).
// A custom element because the page is static SSR reached by Blazor's enhanced navigation, where inline scripts do
// not run: the browser calls connectedCallback whenever the element appears and disconnectedCallback when it goes.
import { AnswerSection } from "./answer-section.js";
import { AttemptCountdown } from "./attempt-countdown.js";
import { inSeconds, postUntilAdmitted } from "./busy-retry.js";
import "./local-time.js";
import { showNotice } from "./notice.js";
import { unansweredSummary } from "./question-ranges.js";
import { countDown } from "./retry-countdown.js";

const OFFLINE = "You are offline. Your answers are kept in this browser and will be saved when the connection returns.";
const UNREACHABLE = "The server cannot be reached. Your answers are kept in this browser and will be saved when the connection returns.";
const HAND_IN_WAIT_MS = 8000;
const UNANSWERED_LINKS = 5; // the hand-in dialog links the first few; the rest are in its "3–50"

class QuizAttempt extends HTMLElement {
    connectedCallback() {
        this.attemptId = this.dataset.attempt;
        this.saveUrl = this.dataset.saveUrl;
        this.token = this.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";
        this.connection = this.querySelector("[data-connection]");
        this.haltedBanner = this.querySelector("[data-halted]");
        this.form = this.querySelector("[data-submit-form]");
        this.dialog = this.querySelector("[data-submit-dialog]");
        this.sections = [...this.querySelectorAll("section[data-question]")];
        const page = {
            attemptId: this.attemptId,
            saveUrl: this.saveUrl,
            token: () => this.token,
            changed: answer => this.answerChanged(answer),
            closed: message => this.closed(message),
            mustReload: message => this.mustReload(message),
            reachable: () => this.reachable(),
            unreachable: () => this.unreachable(),
            serverTime: serverNow => this.serverTime(serverNow),
            // The session ended: session-ended.js takes the page to the sign-in page, saying what was not saved.
            signedOut: () => document.dispatchEvent(new Event("quiz:session-ended")),
        };
        this.answers = new Map(this.sections.map(section => [section.dataset.question, new AnswerSection(section, page)]));
        this.links = new Map([...this.querySelectorAll("[data-goto]")].map(link => [link.dataset.goto, link]));
        this.navigator = [...this.links.values()];
        this.rove(this.navigator[0]);
        this.submitting = false;
        this.bar = this.querySelector(".attempt-bar");
        // The sticky bar's real height (the title wraps on a phone) for the questions' scroll-margin-top.
        this.barSize = new ResizeObserver(() => this.style.setProperty("--attempt-bar-height", `${this.bar.offsetHeight}px`));
        this.barSize.observe(this.bar);
        this.style.setProperty("--attempt-bar-height", `${this.bar.offsetHeight}px`);

        this.listeners = new AbortController();
        const on = (target, type, handler) => target.addEventListener(type, handler, { signal: this.listeners.signal });
        on(this, "input", event => {
            const answer = this.answerOf(event.target);
            if (answer) {
                answer.onInput();
                this.answerChanged(answer);
            }
        });
        on(this, "focusout", event => this.answerOf(event.target)?.flush());
        on(this, "click", event => this.onClick(event));
        on(this.querySelector(".question-nav"), "keydown", event => this.onNavigatorKey(event));
        on(this.form, "submit", event => this.onSubmit(event));
        on(window, "online", () => {
            this.reachable();
            this.showOnlineInDialog();
            this.answers.forEach(answer => answer.retryNow());
        });
        on(window, "offline", () => {
            this.unreachable();
            this.showOnlineInDialog();
        });
        on(window, "pagehide", () => this.flushAll({ keepalive: true }));
        // Sign-out forgets this browser's drafts (sign-out.js): no save or draft may bring one back as the page goes.
        on(document, "quiz:signing-out", () => this.answers.forEach(answer => answer.dispose()));

        for (const answer of this.answers.values()) {
            answer.reconcile();
            this.answerChanged(answer);
        }
        if (!navigator.onLine)
            this.unreachable();
        if (this.dataset.onePerPage === "true" && this.sections.length > 1) {
            this.pager = this.querySelector("[data-pager]");
            this.pager.hidden = false;
            // Without a question in the address (the home page's Resume), the one this tab showed last.
            const fromAddress = this.sections.findIndex(section => `#${section.id}` === location.hash);
            this.show(fromAddress >= 0 ? fromAddress : this.lastShown(), false);
        }
        // The browser's own jump to #q-… on load (or its restored position on reload) may have come before the bar's
        // height was known: a question named in the address is not left under the bar.
        const named = this.sections.find(section => `#${section.id}` === location.hash);
        if (named)
            this.reveal(named);
        if (this.dataset.deadline) {
            this.countdown = new AttemptCountdown({
                deadline: this.dataset.deadline,
                serverNow: this.dataset.serverNow,
                display: this.querySelector("[data-timer]"),
                announcer: this.querySelector("[data-timer-announcer]"),
                onLastSave: () => this.flushAll(),
                onExpired: () => this.handIn(),
            });
        }
        this.dataset.interactive = "true"; // browser tests wait for this, as for interactive pages
    }

    disconnectedCallback() {
        this.listeners.abort();
        this.barSize.disconnect();
        this.countdown?.stop();
        this.flushAll();
        this.answers.forEach(answer => answer.dispose());
    }

    answerOf(element) {
        return element instanceof HTMLTextAreaElement ? this.answers.get(element.closest("section")?.dataset.question) : undefined;
    }

    /** Word and character counts, and the navigator's answered mark. */
    answerChanged(answer) {
        const text = answer.text, words = text.trim() ? text.trim().split(/\s+/).length : 0;
        answer.section.querySelector("[data-words]").textContent = words === 1 ? "1 word" : `${words.toLocaleString("en-US")} words`;
        answer.section.querySelector("[data-chars]").textContent =
            `${text.length.toLocaleString("en-US")} / ${answer.textarea.maxLength.toLocaleString("en-US")} characters`;
        const link = this.links.get(answer.questionId);
        if (link && link.dataset.answered !== String(answer.answered)) {
            link.dataset.answered = String(answer.answered);
            link.setAttribute("aria-label", `Question ${link.textContent.trim()}, ${answer.answered ? "answered" : "not answered"}`);
        }
    }

    onClick(event) {
        const target = event.target.closest("button, a");
        if (!target)
            return;
        if (target.dataset.goto) {
            event.preventDefault();
            this.goTo(target.dataset.goto);
        } else if (target.hasAttribute("data-previous")) {
            this.show(this.current - 1);
        } else if (target.hasAttribute("data-next")) {
            this.show(this.current + 1);
        } else if (target.hasAttribute("data-cancel-submit")) {
            this.dialog.close();
        }
    }

    /**
     * The navigator is one stop for Tab, its question (the one shown, else the one last gone to), and the arrow keys
     * move within it, a row at a time up and down: fifty links in the Tab order put Hand in fifty presses away.
     */
    rove(link) {
        for (const each of this.navigator)
            each.tabIndex = each === link ? 0 : -1;
    }

    onNavigatorKey(event) {
        const at = this.navigator.indexOf(event.target);
        if (at < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
            return;
        const row = this.navigator.filter(link => link.offsetTop === this.navigator[0].offsetTop).length;
        const to = { ArrowRight: at + 1, ArrowLeft: at - 1, ArrowDown: at + row, ArrowUp: at - row, Home: 0, End: this.navigator.length - 1 }[event.key];
        if (to === undefined)
            return;
        event.preventDefault();
        const link = this.navigator[Math.max(0, Math.min(to, this.navigator.length - 1))];
        this.rove(link);
        link.focus();
    }

    goTo(questionId) {
        const index = this.sections.findIndex(section => section.dataset.question === questionId);
        if (index < 0)
            return;
        this.rove(this.links.get(questionId));
        if (this.pager)
            return this.show(index);
        this.sections[index].querySelector("h2").focus({ preventScroll: true });
        this.sections[index].scrollIntoView({ block: "start" });
        history.replaceState(history.state, "", `${location.pathname}${location.search}#${this.sections[index].id}`);
    }

    /** One question per page: shows question <index>, saving the one being left. */
    show(index, focus = true) {
        if (index < 0 || index >= this.sections.length)
            return;
        if (this.current !== undefined && this.current !== index)
            this.answers.get(this.sections[this.current].dataset.question).flush();
        this.current = index;
        this.sections.forEach((section, i) => section.hidden = i !== index);
        for (const [id, link] of this.links) {
            if (id === this.sections[index].dataset.question)
                link.setAttribute("aria-current", "step");
            else
                link.removeAttribute("aria-current");
        }
        this.rove(this.links.get(this.sections[index].dataset.question));
        this.pager.querySelector("[data-position]").textContent = `${index + 1} of ${this.sections.length}`;
        this.pager.querySelector("[data-previous]").disabled = index === 0;
        this.pager.querySelector("[data-next]").disabled = index === this.sections.length - 1;
        history.replaceState(history.state, "", `${location.pathname}${location.search}#${this.sections[index].id}`);
        try {
            sessionStorage.setItem(`quiz-attempt:${this.attemptId}:shown`, this.sections[index].id);
        } catch {
            // Storage blocked: a return starts at the first question.
        }
        if (focus) {
            this.sections[index].querySelector("h2").focus({ preventScroll: true });
            this.reveal(this.sections[index]);
        }
    }

    lastShown() {
        try {
            const id = sessionStorage.getItem(`quiz-attempt:${this.attemptId}:shown`);
            return Math.max(0, this.sections.findIndex(section => section.id === id));
        } catch {
            return 0;
        }
    }

    /** Scrolls <section> to just below the sticky bar (its scroll-margin-top) unless its heading is in view already. */
    reveal(section) {
        const heading = section.querySelector("h2").getBoundingClientRect();
        if (heading.top < this.bar.getBoundingClientRect().bottom || heading.bottom > window.innerHeight)
            section.scrollIntoView({ block: "start" });
    }

    onSubmit(event) {
        event.preventDefault();
        if (event.submitter?.hasAttribute("data-confirm-submit") && navigator.onLine)
            this.handIn();
        else if (!event.submitter?.hasAttribute("data-confirm-submit"))
            this.openSubmitDialog();
    }

    openSubmitDialog() {
        this.flushAll();
        const unanswered = this.sections.filter(section => !this.answers.get(section.dataset.question).answered);
        const list = this.dialog.querySelector("[data-unanswered-list]");
        list.replaceChildren(...unanswered.slice(0, UNANSWERED_LINKS).map(section => {
            const item = document.createElement("li"), button = document.createElement("button");
            button.type = "button";
            button.className = "btn btn-link p-0";
            button.textContent = section.querySelector("h2").firstChild.textContent.trim();
            button.addEventListener("click", () => {
                this.dialog.close();
                this.goTo(section.dataset.question);
            });
            item.append(button);
            return item;
        }));
        const numbers = unanswered.map(section => this.sections.indexOf(section) + 1);
        this.dialog.querySelector("[data-unanswered-summary]").textContent = unansweredSummary(numbers, this.sections.length);
        list.hidden = unanswered.length === 0;
        list.setAttribute("aria-label", unanswered.length > UNANSWERED_LINKS ? `The first ${UNANSWERED_LINKS} unanswered questions` : "Unanswered questions");
        this.showOnlineInDialog();
        this.dialog.showModal();
    }

    /** Hand-in needs the network: while offline the dialog says so and its button waits (also while it is open). */
    showOnlineInDialog() {
        if (this.submitting)
            return;
        this.dialog.querySelector("[data-offline-warning]").hidden = navigator.onLine;
        this.dialog.querySelector("[data-confirm-submit]").disabled = !navigator.onLine;
    }

    /**
     * Saves what is unsaved (waiting a little), then posts the hand-in form: the server submits once however often.
     * Posted from here rather than by the browser, so that a hand-in the server is too busy for (503 + Retry-After, a
     * deadline's rush) waits on this page, the answers in view and still saving, and goes again after the wait.
     */
    async handIn() {
        if (this.submitting)
            return;
        this.submitting = true;
        const confirm = this.dialog.querySelector("[data-confirm-submit]");
        confirm.disabled = true;
        confirm.textContent = "Handing in…";
        await Promise.race([this.flushAll(), new Promise(resolve => setTimeout(resolve, HAND_IN_WAIT_MS))]);
        const wait = this.querySelector("[data-hand-in-wait]");
        let response;
        try {
            response = await postUntilAdmitted({
                url: this.form.action, body: new FormData(this.form), redirect: "manual",
                waiting: (seconds, reason) => {
                    this.flushAll();
                    this.stopHandInWait?.();
                    wait.hidden = false;
                    this.stopHandInWait = countDown(wait, seconds, left => reason === "busy"
                        ? `Many students are handing in right now: your hand-in is waiting. Trying again in ${inSeconds(left)}…`
                        : `The server cannot be reached: trying again in ${inSeconds(left)}…`,
                    () => wait.textContent = "Trying again now…");
                },
            });
        } finally {
            this.stopHandInWait?.();
        }
        // Handed in: the server redirects to the results. Anything else (the attempt is gone, the page is stale) is
        // posted again by the browser, to show the server's own page for it.
        if (response.type === "opaqueredirect")
            location.assign(this.dataset.resultsUrl);
        else
            this.form.submit();
    }

    flushAll(options) {
        return Promise.all([...this.answers.values()].map(answer => answer.flush(options)));
    }

    serverTime(serverNow) {
        this.countdown?.serverTime(serverNow);
    }

    unreachable() {
        this.connection.textContent = navigator.onLine ? UNREACHABLE : OFFLINE;
        this.connection.hidden = false;
    }

    reachable() {
        if (navigator.onLine)
            this.connection.hidden = true;
    }

    /** A late or handed-in attempt takes no more saves: say so once, keep every draft. */
    closed(message) {
        this.halt(message ?? "This attempt no longer takes answers.",
            "Your text is kept in this browser.", ["See your results", () => location.assign(this.dataset.resultsUrl)]);
    }

    mustReload(message) {
        this.halt(message ?? "Reload the page to keep saving.", "", ["Reload the page", () => location.reload()]);
    }

    halt(message, detail, action) {
        this.answers.forEach(answer => answer.stopSaving());
        showNotice(this.haltedBanner, `${message} ${detail}`.trim(), [action], "btn btn-sm btn-light");
    }
}

if (!customElements.get("quiz-attempt"))
    customElements.define("quiz-attempt", QuizAttempt);
