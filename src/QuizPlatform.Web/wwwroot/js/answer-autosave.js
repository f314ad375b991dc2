// One answer's autosave. Every input is kept at once as a draft in localStorage (quiz:{attempt}:{question} =
// {text, baseVersion, at, sending}); the server gets it after a pause in typing, on leaving the answer, and every
// STEADY_MS while typing goes on, one request at a time. The draft goes only when the server has acknowledged
// exactly that text, so a reload, a crash or a lost connection never loses more than nothing.
import { localTimeOfDay } from "./local-time.js";

const PAUSE_MS = 1500;
const STEADY_MS = 10000;
const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 30000;

export class AnswerAutosave {
    /** @param page the <quiz-attempt> element: saveUrl, token, attemptId and the page-wide reactions. */
    constructor(page, section) {
        this.page = page;
        this.section = section;
        this.questionId = section.dataset.question;
        this.textarea = section.querySelector("textarea");
        this.notice = section.querySelector("[data-notice]");
        this.statusText = section.querySelector("[data-status-text]");
        this.spoken = section.querySelector("[data-status-spoken]");
        this.version = Number(section.dataset.version);
        this.savedText = this.textarea.defaultValue; // what the server holds at this.version
        this.textarea.value = this.savedText; // never a value the browser restored on its own
        this.key = `quiz:${page.attemptId}:${this.questionId}`;
        this.otherKey = `${this.key}:other`;
        this.inFlight = null;
        this.queued = false;
        this.halted = null; // "stale" | "too-long" | "not-found" | "closed": no saves until resolved
        this.pauseTimer = 0;
        this.retryTimer = 0;
        this.retryDelay = 0;
        this.typingSince = 0;
        this.maybeStored = null; // {text, version}: a save whose reply never came (page gone, connection dropped)
        this.lastSpoken = section.dataset.version === "0" ? "none" : "saved";
    }

    get text() { return this.textarea.value; }
    get answered() { return this.text.trim().length > 0; }
    get dirty() { return this.text !== this.savedText; }

    /** On load: the newer of this browser's draft and the server's text wins; a draft older than the server's is kept aside. */
    reconcile() {
        const draft = readJson(this.key);
        if (draft && draft.text !== this.savedText) {
            const ours = draft.baseVersion >= this.version
                // The page went while a save was in flight and the server took it: the draft continues from there.
                || (draft.baseVersion + 1 === this.version && draft.sending === this.savedText);
            if (ours) {
                if (draft.sending !== undefined)
                    this.maybeStored = { text: draft.sending, version: draft.baseVersion + 1 };
                this.textarea.value = draft.text;
                this.showStatus("restored", "Restored your unsaved text from this browser; saving…");
                this.save();
            } else {
                writeJson(this.otherKey, draft); // saved elsewhere since: never overwrite either silently
                localStorage.removeItem(this.key);
            }
        } else if (draft) {
            localStorage.removeItem(this.key);
        }
        const other = readJson(this.otherKey);
        if (other && other.text !== this.text)
            this.offerOtherDraft(other);
        else if (other)
            localStorage.removeItem(this.otherKey);
    }

    onInput() {
        this.writeDraft();
        if (this.halted === "too-long") {
            this.halted = null;
        }
        clearTimeout(this.pauseTimer);
        this.pauseTimer = setTimeout(() => this.save(), PAUSE_MS);
        const now = Date.now();
        if (!this.typingSince)
            this.typingSince = now;
        else if (now - this.typingSince >= STEADY_MS)
            this.save();
    }

    /** Sends now if there is anything unsaved; resolves when this answer's requests have settled. */
    flush(options) {
        clearTimeout(this.pauseTimer);
        return this.save(options);
    }

    save(options = {}) {
        if (this.halted)
            return Promise.resolve();
        if (this.inFlight) {
            this.queued = true;
            // Settles once the text typed since has been sent too (the in-flight save sends it when it ends), so a
            // hand-in waits for the latest words, not only for the request already on its way.
            return this.inFlight.then(() => this.inFlight ?? undefined);
        }
        clearTimeout(this.pauseTimer);
        clearTimeout(this.retryTimer);
        this.typingSince = 0;
        if (!this.dirty) {
            if (readJson(this.key)?.text === this.savedText)
                localStorage.removeItem(this.key);
            return Promise.resolve();
        }
        const text = this.text;
        this.writeDraft(text);
        this.showStatus("saving", "Saving…");
        this.inFlight = this.send(text, options).finally(() => {
            this.inFlight = null;
            if (this.queued && !this.halted && !this.retryTimer) {
                this.queued = false;
                this.save();
            }
        });
        return this.inFlight;
    }

    async send(text, { keepalive = false } = {}) {
        const sentVersion = this.version;
        let response, reply = {};
        try {
            response = await fetch(this.page.saveUrl + this.questionId, {
                method: "PUT",
                keepalive,
                redirect: "manual", // a lost sign-in answers with the login page: that is not a save
                headers: {
                    "Content-Type": "application/json",
                    "RequestVerificationToken": this.page.token,
                    "X-Requested-With": "XMLHttpRequest", // cookie auth then answers 401/403 instead of redirecting
                },
                body: JSON.stringify({ text, baseVersion: sentVersion }),
            });
            reply = await response.json().catch(() => ({}));
        } catch {
            this.maybeStored = { text, version: sentVersion + 1 };
            return this.retryLater(navigator.onLine ? "no connection to the server" : "offline", true);
        }
        if (reply.serverNow)
            this.page.serverTime(reply.serverNow);
        switch (response.status) {
            case 200:
                return this.acknowledged(text, reply);
            case 409:
                if (reply.status !== "stale")
                    return this.page.closed(reply.message);
                return this.isOwnSave(text, reply) ? this.caughtUp(text, reply) : this.changedElsewhere(reply);
            case 413:
                this.halted = "too-long";
                return this.showStatus("error", `Not saved: ${reply.message ?? "this answer is too long."}`);
            case 404:
                this.halted = "not-found";
                return this.showStatus("error", `Not saved: ${reply.message ?? "this question is not in your attempt."}`);
            case 400:
                return this.page.mustReload(reply.message);
            case 0: case 401: case 403:
                return this.retryLater("you are signed out: sign in again in another tab", false);
            default:
                return this.retryLater("the server had a problem", false);
        }
    }

    acknowledged(text, reply) {
        this.maybeStored = null;
        this.version = reply.version;
        this.savedText = text;
        this.retryDelay = 0;
        this.page.reachable();
        if (this.text === text)
            localStorage.removeItem(this.key);
        else
            this.writeDraft(null); // newer typing, now on top of the new version, nothing unacknowledged
        const at = reply.savedAt ? localTimeOfDay(reply.savedAt) : localTimeOfDay(new Date().toISOString());
        this.showStatus("saved", `Saved ${at}`);
    }

    /**
     * A stale reply is no conflict when the stored text came from this browser: this very text, or a save whose reply
     * never arrived (sent as the previous page went, or as the connection dropped) that the server did commit.
     */
    isOwnSave(text, reply) {
        return reply.text === text
            || (this.maybeStored?.text === reply.text && this.maybeStored.version === reply.version);
    }

    caughtUp(text, reply) {
        this.maybeStored = null;
        if (reply.text === text)
            return this.acknowledged(text, reply);
        this.version = reply.version; // then send the newer text on top of it
        this.savedText = reply.text;
        this.queued = true;
    }

    retryLater(reason, connectionLost) {
        this.queued = false;
        if (connectionLost)
            this.page.unreachable();
        this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay ? this.retryDelay * 2 : FIRST_RETRY_MS);
        this.showStatus("retrying", `Not saved yet: retrying (${reason})`);
        this.retryTimer = setTimeout(() => { this.retryTimer = 0; this.save(); }, this.retryDelay);
    }

    /** Called when the connection returns: no waiting out the back-off. */
    retryNow() {
        if (this.retryTimer || (this.dirty && !this.inFlight)) {
            clearTimeout(this.retryTimer);
            this.retryTimer = 0;
            this.retryDelay = 0;
            this.save();
        }
    }

    changedElsewhere(reply) {
        this.halted = "stale";
        this.showStatus("stale", "Not saved: this answer was changed in another tab or window");
        this.showNotice(reply.message ?? "This answer was changed in another tab or window.", [
            ["Keep this version", () => { // deliberately write over the other tab's text
                this.version = reply.version;
                this.savedText = reply.text ?? "";
                this.halted = null;
                this.save();
            }],
            ["Load the saved version", () => {
                this.version = reply.version;
                this.savedText = this.textarea.value = reply.text ?? "";
                this.halted = null;
                localStorage.removeItem(this.key);
                this.page.answerChanged(this);
                this.showStatus("saved", "Loaded the saved version");
            }],
        ]);
    }

    offerOtherDraft(other) {
        this.showNotice("This answer was saved from another tab or device after this browser's last change, so the saved text is shown. " +
            "Your unsaved text from this browser is kept.", [
            ["Restore it", () => {
                localStorage.removeItem(this.otherKey);
                this.textarea.value = other.text;
                this.page.answerChanged(this);
                this.save();
            }],
            ["Discard it", () => localStorage.removeItem(this.otherKey)],
        ]);
    }

    /** A message under the answer with buttons; any button closes it (focus returns to the answer). */
    showNotice(message, actions) {
        this.notice.replaceChildren();
        const text = document.createElement("p");
        text.textContent = message;
        this.notice.append(text);
        for (const [label, act] of actions) {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "btn btn-sm btn-outline-primary me-2";
            button.textContent = label;
            button.addEventListener("click", () => {
                this.notice.hidden = true;
                act();
                this.textarea.focus();
            });
            this.notice.append(button);
        }
        this.notice.setAttribute("role", "alert");
        this.notice.hidden = false;
    }

    /** The visible line changes freely; the screen reader hears only changes of kind, never "saving". */
    showStatus(kind, text) {
        this.section.querySelector(".save-status").dataset.status = kind;
        this.statusText.textContent = text;
        if (kind !== "saving" && kind !== this.lastSpoken) {
            this.spoken.textContent = kind === "saved" ? "Answer saved." : text;
            this.lastSpoken = kind;
        }
    }

    /** @param sending the text of a save whose reply is awaited (null: none; omitted: the one in flight or unanswered). */
    writeDraft(sending) {
        const draft = { text: this.text, baseVersion: this.version, at: new Date().toISOString() };
        const unacknowledged = sending !== undefined ? sending
            : this.inFlight ? readJson(this.key)?.sending : this.maybeStored?.text;
        if (unacknowledged != null)
            draft.sending = unacknowledged;
        writeJson(this.key, draft);
    }

    dispose() {
        clearTimeout(this.pauseTimer);
        clearTimeout(this.retryTimer);
        this.halted = this.halted ?? "gone";
    }
}

function readJson(key) {
    try {
        return JSON.parse(localStorage.getItem(key) ?? "null");
    } catch {
        return null;
    }
}

function writeJson(key, value) {
    try {
        localStorage.setItem(key, JSON.stringify(value));
    } catch {
        // Storage full or blocked: the server save still happens; nothing else to do here.
    }
}
