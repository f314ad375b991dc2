// One answer's save protocol: PUT {url} with {text, baseVersion}; the server stores it only over the version it holds.
// The server gets the text after a pause in typing, on leaving the answer, and every STEADY_MS while typing goes on,
// one request at a time. Each text is kept as a draft first (answer-drafts.js), and the draft goes only when the server
// has acknowledged exactly that text, so a reload, a crash or a lost connection never loses more than nothing.
// No DOM here: the page hears of every outcome through the callbacks in `on`.
import { retryWait } from "./busy-retry.js";

const PAUSE_MS = 1500;
const STEADY_MS = 10000;
const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 30000;

export class AnswerAutosave {
    /**
     * @param url the answer's PUT address
     * @param token () => the anti-forgery token, read at every save, not once
     * @param text () => the text in the editor now
     * @param server {{text, version}} what the server holds
     * @param drafts an AnswerDrafts for this answer
     * @param online () => whether the browser believes it is online
     * @param fetch the Fetch API (tests pass their own)
     * @param on {{status(kind, text), saved(atIso), stale(reply), closed(message), mustReload(message),
     *             reachable(), unreachable(), serverTime(iso), signedOut()}}
     */
    constructor({
        url, token, text, server, drafts, on,
        online = () => navigator.onLine,
        fetch = (...args) => globalThis.fetch(...args),
    }) {
        Object.assign(this, { url, token, currentText: text, drafts, online, fetch, on });
        this.version = server.version;
        this.savedText = server.text; // what the server holds at this.version
        this.inFlight = null;
        this.queued = false;
        this.halted = null; // "stale" | "too-long" | "not-found" | "closed" | "gone" | "signed-out": no saves until resolved
        this.pauseTimer = 0;
        this.retryTimer = 0;
        this.retryDelay = 0;
        this.typingSince = 0;
        this.maybeStored = null; // {text, version}: a save whose reply never came (page gone, connection dropped)
    }

    get text() { return this.currentText(); }
    get dirty() { return this.text !== this.savedText; }

    /** On load, after the editor shows the reconciled text: a restored draft is saved at once. */
    restored(maybeStored) {
        this.maybeStored = maybeStored;
        this.on.status("restored", "Restored your unsaved text from this browser; saving…");
        this.save();
    }

    onInput() {
        this.writeDraft();
        if (this.halted === "too-long")
            this.halted = null;
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
            if (this.drafts.read()?.text === this.savedText)
                this.drafts.remove();
            return Promise.resolve();
        }
        const text = this.text;
        this.writeDraft(text);
        this.on.status("saving", "Saving…");
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
            response = await this.fetch(this.url, {
                method: "PUT",
                keepalive,
                redirect: "manual", // a lost sign-in answers with the login page: that is not a save
                headers: {
                    "Content-Type": "application/json",
                    "RequestVerificationToken": this.token(),
                    "X-Requested-With": "XMLHttpRequest", // cookie auth then answers 401/403 instead of redirecting
                },
                body: JSON.stringify({ text, baseVersion: sentVersion }),
            });
            reply = await response.json().catch(() => ({}));
        } catch {
            this.maybeStored = { text, version: sentVersion + 1 };
            return this.retryLater(this.online() ? "no connection to the server" : "offline", true);
        }
        if (reply.serverNow)
            this.on.serverTime(reply.serverNow);
        switch (response.status) {
            case 200:
                return this.acknowledged(text, reply);
            case 409:
                if (reply.status !== "stale")
                    return this.on.closed(reply.message);
                return this.isOwnSave(text, reply) ? this.caughtUp(text, reply) : this.changedElsewhere(reply);
            case 413: // from the save itself (message) or from the server's body size limit (a JSON problem's detail)
                this.halted = "too-long";
                return this.on.status("error", `Not saved: ${reply.message ?? reply.detail ?? "this answer is too long."}`);
            case 429: {
                const seconds = Math.max(1, Number(response.headers?.get("Retry-After")) || FIRST_RETRY_MS / 1000);
                return this.retryLater(`too many saves at once; next try in ${seconds} s`, false, seconds * 1000);
            }
            case 503: { // the server is overloaded (its database, most likely): the wait it names, spread a little
                const seconds = retryWait(response.headers?.get("Retry-After") ?? null);
                return this.retryLater(`the server is busy; next try in ${seconds} s`, false, seconds * 1000);
            }
            case 404:
                this.halted = "not-found";
                return this.on.status("error", `Not saved: ${reply.message ?? "this question is not in your attempt."}`);
            case 400:
                return this.on.mustReload(reply.message);
            case 401: // the session ended: the page leaves for the sign-in page (session-ended.js), the draft stays until then
                this.halted = "signed-out";
                return this.on.signedOut();
            case 0: case 403:
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
        this.on.reachable();
        if (this.text === text)
            this.drafts.remove();
        else
            this.writeDraft(null); // newer typing, now on top of the new version, nothing unacknowledged
        this.on.saved(reply.savedAt ?? new Date().toISOString());
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

    /** @param afterMs the wait the server asked for (429's Retry-After), instead of the growing back-off */
    retryLater(reason, connectionLost, afterMs = 0) {
        this.queued = false;
        if (connectionLost)
            this.on.unreachable();
        this.retryDelay = afterMs || Math.min(MAX_RETRY_MS, this.retryDelay ? this.retryDelay * 2 : FIRST_RETRY_MS);
        this.on.status("retrying", `Not saved yet: retrying (${reason})`);
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

    /** Saved elsewhere since: both texts are kept and saving stops until the student picks one (keepMine, takeSaved). */
    changedElsewhere(reply) {
        this.halted = "stale";
        this.on.status("stale", "Not saved: this answer was changed in another tab or window");
        this.on.stale(reply);
    }

    /** Deliberately writes this text over the one saved elsewhere. */
    keepMine(reply) {
        this.version = reply.version;
        this.savedText = reply.text ?? "";
        this.halted = null;
        return this.save();
    }

    /** Takes the text saved elsewhere (the editor must show it) and drops this browser's draft. */
    takeSaved(reply) {
        this.version = reply.version;
        this.savedText = reply.text ?? "";
        this.halted = null;
        this.drafts.remove();
    }

    /** Stops saving for good (the attempt takes no more answers), unless it already stopped for another reason. */
    halt(reason) {
        clearTimeout(this.pauseTimer);
        clearTimeout(this.retryTimer);
        this.halted = this.halted ?? reason;
    }

    /** @param sending the text of a save whose reply is awaited (null: none; omitted: the one in flight or unanswered). */
    writeDraft(sending) {
        const draft = { text: this.text, baseVersion: this.version, at: new Date().toISOString() };
        const unacknowledged = sending !== undefined ? sending
            : this.inFlight ? this.drafts.read()?.sending : this.maybeStored?.text;
        if (unacknowledged != null)
            draft.sending = unacknowledged;
        this.drafts.write(draft);
    }
}
