// What a student sees in an answer after a reload: this browser's draft against the answer the server holds.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AnswerDrafts, draftKeys, forgetDrafts, reconcileDrafts } from "../../src/QuizPlatform.Web/wwwroot/js/answer-drafts.js";
import { memoryStorage } from "./fakes.mjs";

const draft = (text, baseVersion, sending) => ({ text, baseVersion, at: "2026-12-04T10:00:00.000Z", sending });

describe("reconcileDrafts", () => {
    test("a draft typed over the stored answer wins over it and is saved", () => {
        const outcome = reconcileDrafts({ text: "Saved.", version: 2 }, draft("Saved. And more.", 2), null);

        assert.deepEqual(outcome, { text: "Saved. And more.", restored: true, maybeStored: null, keepDraft: true, aside: null });
    });

    test("a draft whose save the server took as the page went continues from the stored answer", () => {
        const outcome = reconcileDrafts({ text: "Sent.", version: 3 }, draft("Sent. Then typed.", 2, "Sent."), null);

        assert.deepEqual(outcome, {
            text: "Sent. Then typed.", restored: true, maybeStored: { text: "Sent.", version: 3 }, keepDraft: true, aside: null,
        });
    });

    test("a draft typed over an older answer than the stored one is offered, and the stored answer is shown", () => {
        const older = draft("Typed on the laptop.", 1);

        const outcome = reconcileDrafts({ text: "Saved from the phone.", version: 2 }, older, null);

        assert.deepEqual(outcome, { text: "Saved from the phone.", restored: false, maybeStored: null, keepDraft: false, aside: older });
    });

    test("a draft whose unanswered save is not what the server holds counts as older", () => {
        const outcome = reconcileDrafts({ text: "From the phone.", version: 3 }, draft("Mine, more.", 2, "Mine."), null);

        assert.equal(outcome.text, "From the phone.");
        assert.equal(outcome.aside.text, "Mine, more.");
    });

    test("a draft equal to the stored answer is dropped and nothing is offered", () => {
        const outcome = reconcileDrafts({ text: "Same.", version: 1 }, draft("Same.", 0, "Same."), null);

        assert.deepEqual(outcome, { text: "Same.", restored: false, maybeStored: null, keepDraft: false, aside: null });
    });

    test("a draft set aside earlier is still offered after another reload", () => {
        const aside = draft("Typed on the laptop.", 1);

        const outcome = reconcileDrafts({ text: "Saved from the phone.", version: 2 }, null, aside);

        assert.equal(outcome.text, "Saved from the phone.");
        assert.deepEqual(outcome.aside, aside);
    });

    test("a draft set aside is no longer offered once the answer shows its text", () => {
        const fromServer = reconcileDrafts({ text: "Restored.", version: 3 }, null, draft("Restored.", 1));
        const fromDraft = reconcileDrafts({ text: "Old.", version: 3 }, draft("Restored.", 3), draft("Restored.", 1));

        assert.equal(fromServer.aside, null);
        assert.equal(fromDraft.aside, null);
    });
});

describe("AnswerDrafts", () => {
    test("keeps each answer's draft under its own key", () => {
        const storage = memoryStorage();
        const first = new AnswerDrafts(storage, 7, 1), second = new AnswerDrafts(storage, 7, 2);

        first.write(draft("One.", 0));
        second.write(draft("Two.", 0));

        assert.equal(first.read().text, "One.");
        assert.equal(second.read().text, "Two.");
        assert.equal(storage.getItem("quiz:7:1"), JSON.stringify(draft("One.", 0)));
    });

    test("stores what reconciling decided: an older draft moves aside and stays there until removed", () => {
        const storage = memoryStorage();
        const drafts = new AnswerDrafts(storage, 7, 1);
        drafts.write(draft("Typed on the laptop.", 0));

        drafts.reconcile({ text: "Saved from the phone.", version: 1 });
        const afterReload = drafts.reconcile({ text: "Saved from the phone.", version: 1 });

        assert.equal(drafts.read(), null);
        assert.equal(afterReload.aside.text, "Typed on the laptop.");
        drafts.removeAside();
        assert.equal(drafts.reconcile({ text: "Saved from the phone.", version: 1 }).aside, null);
    });

    test("drops a draft equal to the stored answer", () => {
        const drafts = new AnswerDrafts(memoryStorage(), 7, 1);
        drafts.write(draft("Same.", 0, "Same."));

        drafts.reconcile({ text: "Same.", version: 1 });

        assert.equal(drafts.read(), null);
    });

    test("a full or blocked storage loses the draft but never stops the page", () => {
        const drafts = new AnswerDrafts(memoryStorage({ full: true }), 7, 1);

        drafts.write(draft("Typed.", 0));

        assert.equal(drafts.read(), null);
    });

    test("a draft that is not JSON reads as none", () => {
        const storage = memoryStorage();
        storage.setItem("quiz:7:1", "{not json");

        assert.equal(new AnswerDrafts(storage, 7, 1).read(), null);
    });
});

describe("sign-out's drafts", () => {
    test("every attempt's drafts and drafts set aside are found and forgotten; other keys stay", () => {
        const storage = memoryStorage();
        new AnswerDrafts(storage, 7, 1).write(draft("Mine, unsent.", 0));
        storage.setItem("quiz:7:2:other", JSON.stringify(draft("Set aside.", 1)));
        storage.setItem("quiz:9:4", JSON.stringify(draft("An earlier attempt.", 0)));
        storage.setItem("theme", "dark");

        assert.deepEqual(draftKeys(storage).sort(), ["quiz:7:1", "quiz:7:2:other", "quiz:9:4"]);
        forgetDrafts(storage);

        assert.deepEqual(draftKeys(storage), []);
        assert.equal(storage.getItem("theme"), "dark");
    });

    test("a browser that blocks storage has no drafts to warn about", () => {
        const blocked = { get length() { throw new Error("SecurityError"); } };

        assert.deepEqual(draftKeys(blocked), []);
    });
});
