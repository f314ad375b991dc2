// Drafts of one answer in this browser: every input is kept at once under quiz:{attempt}:{question} =
// {text, baseVersion, at, sending}, where sending is the text of a save whose reply is awaited. A draft older than the
// server's answer is set aside under quiz:{attempt}:{question}:other and offered until restored or discarded.
// No DOM here: reconcileDrafts is pure, and the store takes any Storage (localStorage in the page).

const DRAFT_KEY = /^quiz:[^:]+:[^:]+(:other)?$/;

/**
 * Every answer draft this browser keeps, of any attempt. A draft lives only until the server has its text, so each is
 * text the server never got (or, set aside, text it replaced): what sign-out warns about and then forgets.
 */
export function draftKeys(storage) {
    const keys = [];
    try {
        for (let i = 0; i < storage.length; i++) {
            const key = storage.key(i);
            if (key !== null && DRAFT_KEY.test(key))
                keys.push(key);
        }
    } catch {
        // Storage blocked: then nothing was kept either.
    }
    return keys;
}

/** Removes every answer draft (draftKeys) from this browser. */
export function forgetDrafts(storage) {
    for (const key of draftKeys(storage))
        storage.removeItem(key);
}

/**
 * On load: which text the answer shows and which drafts this browser keeps. The newer of this browser's draft and the
 * server's text wins; a draft older than the server's is set aside and offered, never forced; a draft (or a draft set
 * aside) whose text is the one shown is dropped.
 * @param server {{text: string, version: number}} what the server holds
 * @param draft the draft under the answer's key, or null
 * @param aside the draft set aside earlier, or null
 * @returns {{text: string, restored: boolean, maybeStored: {text: string, version: number} | null,
 *            keepDraft: boolean, aside: object | null}} aside: the draft to keep offering (null: none, forget it)
 */
export function reconcileDrafts(server, draft, aside) {
    if (draft && draft.text !== server.text) {
        const ours = draft.baseVersion >= server.version
            // The page went while a save was in flight and the server took it: the draft continues from there.
            || (draft.baseVersion + 1 === server.version && draft.sending === server.text);
        if (!ours) // saved elsewhere since: never overwrite either silently
            return { text: server.text, restored: false, maybeStored: null, keepDraft: false, aside: draft };
        return {
            text: draft.text,
            restored: true,
            maybeStored: draft.sending !== undefined ? { text: draft.sending, version: draft.baseVersion + 1 } : null,
            keepDraft: true,
            aside: aside && aside.text !== draft.text ? aside : null,
        };
    }
    return {
        text: server.text,
        restored: false,
        maybeStored: null,
        keepDraft: false,
        aside: aside && aside.text !== server.text ? aside : null,
    };
}

export class AnswerDrafts {
    /** @param storage a Storage (window.localStorage); failures to write are ignored, the server save still happens. */
    constructor(storage, attemptId, questionId) {
        this.storage = storage;
        this.key = `quiz:${attemptId}:${questionId}`;
        this.asideKey = `${this.key}:other`;
    }

    read() { return this.#read(this.key); }
    write(draft) { this.#write(this.key, draft); }
    remove() { this.storage.removeItem(this.key); }

    readAside() { return this.#read(this.asideKey); }
    removeAside() { this.storage.removeItem(this.asideKey); }

    /** Reconciles with the server's answer (reconcileDrafts) and stores the outcome. */
    reconcile(server) {
        const outcome = reconcileDrafts(server, this.read(), this.readAside());
        if (!outcome.keepDraft)
            this.remove();
        if (outcome.aside)
            this.#write(this.asideKey, outcome.aside);
        else
            this.removeAside();
        return outcome;
    }

    #read(key) {
        try {
            return JSON.parse(this.storage.getItem(key) ?? "null");
        } catch {
            return null;
        }
    }

    #write(key, value) {
        try {
            this.storage.setItem(key, JSON.stringify(value));
        } catch {
            // Storage full or blocked: nothing else to do here.
        }
    }
}
