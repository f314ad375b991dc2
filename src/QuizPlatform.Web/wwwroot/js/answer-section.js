// One answer on the quiz page (a <section data-question> of Features/Attempts/AttemptPage.razor): its textarea, its
// save status line and its notice, wired to the answer's drafts (answer-drafts.js) and saves (answer-autosave.js).
import { AnswerAutosave } from "./answer-autosave.js";
import { AnswerDrafts } from "./answer-drafts.js";
import { localTimeOfDay } from "./local-time.js";
import { showNotice } from "./notice.js";

export class AnswerSection {
    /**
     * @param page {{attemptId, saveUrl, token(), changed(answer), closed(message), mustReload(message),
     *               reachable(), unreachable(), serverTime(iso), signedOut()}} what the quiz page provides and hears
     */
    constructor(section, page) {
        this.section = section;
        this.page = page;
        this.questionId = section.dataset.question;
        this.textarea = section.querySelector("textarea");
        this.notice = section.querySelector("[data-notice]");
        this.statusLine = section.querySelector(".save-status");
        this.statusText = section.querySelector("[data-status-text]");
        this.spoken = section.querySelector("[data-status-spoken]");
        this.lastSpoken = section.dataset.version === "0" ? "none" : "saved";
        this.server = { text: this.textarea.defaultValue, version: Number(section.dataset.version) };
        this.drafts = new AnswerDrafts(localStorage, page.attemptId, this.questionId);
        this.autosave = new AnswerAutosave({
            url: page.saveUrl + this.questionId,
            token: page.token,
            text: () => this.text,
            server: this.server,
            drafts: this.drafts,
            on: {
                status: (kind, text) => this.showStatus(kind, text),
                saved: at => this.showStatus("saved", `Saved ${localTimeOfDay(at)}`),
                stale: reply => this.offerSavedVersion(reply),
                closed: page.closed,
                mustReload: page.mustReload,
                reachable: page.reachable,
                unreachable: page.unreachable,
                serverTime: page.serverTime,
                signedOut: page.signedOut,
            },
        });
    }

    get text() { return this.textarea.value; }
    get answered() { return this.text.trim().length > 0; }

    /**
     * On load: text typed before this script ran is kept and saved; otherwise the newer of this browser's draft and the
     * server's text is shown, and an older draft is offered.
     */
    reconcile() {
        // On a slow connection the questions show before this script runs, and a student may start typing: text that
        // differs from the server's can only be that (browsers restore no value into these textareas: autocomplete="off"),
        // and it is the newest of all.
        if (this.textarea.value !== this.server.text) {
            this.onInput();
            return;
        }
        const outcome = this.drafts.reconcile(this.server);
        this.textarea.value = outcome.text;
        if (outcome.restored)
            this.autosave.restored(outcome.maybeStored);
        if (outcome.aside)
            this.offerDraftSetAside(outcome.aside);
    }

    onInput() { this.autosave.onInput(); }
    flush(options) { return this.autosave.flush(options); }
    retryNow() { this.autosave.retryNow(); }

    /** The attempt takes no more answers: no more saves; text not saved says where to look. */
    stopSaving() {
        this.autosave.halt("closed");
        if (this.autosave.dirty)
            this.showStatus("halted", "Not saved: see the message at the top; the text is kept in this browser");
    }

    dispose() { this.autosave.halt("gone"); }

    offerSavedVersion(reply) {
        this.showChoice(reply.message ?? "This answer was changed in another tab or window.", [
            ["Keep this version", () => this.autosave.keepMine(reply)],
            ["Load the saved version", () => {
                this.textarea.value = reply.text ?? "";
                this.autosave.takeSaved(reply);
                this.page.changed(this);
                this.showStatus("saved", "Loaded the saved version");
            }],
        ]);
    }

    offerDraftSetAside(aside) {
        this.showChoice("This answer was saved from another tab or device after this browser's last change, so the saved text is shown. " +
            "Your unsaved text from this browser is kept.", [
            ["Restore it", () => {
                this.drafts.removeAside();
                this.textarea.value = aside.text;
                this.page.changed(this);
                this.autosave.save();
            }],
            ["Discard it", () => this.drafts.removeAside()],
        ]);
    }

    /** A notice under the answer; any button closes it and returns the focus to the answer. */
    showChoice(message, actions) {
        showNotice(this.notice, message, actions.map(([label, act]) => [label, () => {
            this.notice.hidden = true;
            act();
            this.textarea.focus();
        }]), "btn btn-sm btn-outline-primary me-2");
    }

    /** The visible line changes freely; the screen reader hears only changes of kind, never "saving". */
    showStatus(kind, text) {
        this.statusLine.dataset.status = kind;
        this.statusText.textContent = text;
        if (kind !== "saving" && kind !== this.lastSpoken) {
            this.spoken.textContent = kind === "saved" ? "Answer saved." : text;
            this.lastSpoken = kind;
        }
    }
}
