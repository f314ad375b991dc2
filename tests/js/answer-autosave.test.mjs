// One answer's saves as a student lives them: what reaches the server, what stays in this browser, what the page says.
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { AnswerAutosave } from "../../src/QuizPlatform.Web/wwwroot/js/answer-autosave.js";
import { AnswerDrafts } from "../../src/QuizPlatform.Web/wwwroot/js/answer-drafts.js";
import { fakeServer, memoryStorage } from "./fakes.mjs";

const saved = (version, text) => ({ status: 200, body: { status: "saved", version, savedAt: "2026-12-04T10:42:13Z", text } });
const stale = (version, text) => ({ status: 409, body: { status: "stale", version, text, message: "This answer was changed in another tab or window." } });

let opened = [];
afterEach(() => opened.forEach(answer => answer.halt("gone"))); // no retry or pause timer outlives its test

/** An answer whose editor holds `answer.typed`; `events` lists what the page was told, in order. */
function openAnswer(server, { text = "", version = 0, online = true } = {}) {
    const events = [];
    const record = name => (...args) => events.push([name, ...args]);
    const drafts = new AnswerDrafts(memoryStorage(), 7, 3);
    const answer = new AnswerAutosave({
        url: "api/attempts/7/answers/3",
        token: () => "page-token",
        text: () => answer.typed,
        server: { text, version },
        drafts,
        online: () => online,
        fetch: server.fetch,
        on: Object.fromEntries(["status", "saved", "stale", "closed", "mustReload", "reachable", "unreachable", "serverTime", "signedOut"]
            .map(name => [name, record(name)])),
    });
    answer.typed = text;
    answer.type = more => { answer.typed += more; answer.onInput(); };
    opened.push(answer);
    return { answer, drafts, events, said: () => events.filter(([name]) => name === "status").map(([, kind]) => kind) };
}

/** Runs `steps` with timers that never fire by themselves: `timers` lists each {run, ms} for the test to run. */
async function withTimersHeld(steps) {
    const timers = [];
    const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = globalThis;
    globalThis.setTimeout = (run, ms) => timers.push({ run, ms });
    globalThis.clearTimeout = () => {};
    try {
        await steps(timers);
    } finally {
        Object.assign(globalThis, { setTimeout: realSetTimeout, clearTimeout: realClearTimeout });
    }
}

test("a saved answer is sent over the version it was typed on, and its draft goes once the server has it", async () => {
    const server = fakeServer(saved(1));
    const { answer, drafts, events } = openAnswer(server);

    answer.type("Photosynthesis makes sugar.");
    assert.equal(drafts.read().text, "Photosynthesis makes sugar.");
    await answer.flush();

    assert.deepEqual(server.requests, [
        { url: "api/attempts/7/answers/3", text: "Photosynthesis makes sugar.", baseVersion: 0, token: "page-token" },
    ]);
    assert.deepEqual(events.at(-1), ["saved", "2026-12-04T10:42:13Z"]);
    assert.equal(drafts.read(), null);
    assert.equal(answer.dirty, false);
});

test("words typed while a save is on its way stay in the draft and follow in the next save", async () => {
    const server = fakeServer(saved(1), saved(2));
    const { answer, drafts } = openAnswer(server);

    answer.type("First words.");
    const first = answer.flush();
    answer.type(" More words.");
    assert.deepEqual(drafts.read(), { ...drafts.read(), text: "First words. More words.", baseVersion: 0, sending: "First words." });
    await answer.flush(); // as a hand-in does: it waits for the latest words, not only for the save on its way
    await first;

    assert.deepEqual(server.requests.map(({ text, baseVersion }) => [text, baseVersion]),
        [["First words.", 0], ["First words. More words.", 1]]);
    assert.equal(drafts.read(), null);
});

test("an answer changed in another tab keeps both texts and saves nothing until the student picks one", async () => {
    const server = fakeServer(stale(4, "Written in the other tab."));
    const { answer, drafts, events, said } = openAnswer(server, { text: "Old.", version: 3 });

    answer.type(" Written in this tab.");
    await answer.flush();
    answer.type(" Still typing.");
    await answer.flush();

    assert.equal(server.requests.length, 1);
    assert.equal(said().at(-1), "stale");
    assert.equal(events.at(-1)[1].text, "Written in the other tab.");
    assert.equal(drafts.read().text, "Old. Written in this tab. Still typing.");
});

/** An answer typed on as "Old. Mine." whose save met "Written in the other tab." (version 4); the next save succeeds. */
async function answerInConflict() {
    const conflict = stale(4, "Written in the other tab.");
    const server = fakeServer(conflict, saved(5));
    const answered = openAnswer(server, { text: "Old.", version: 3 });
    answered.answer.type(" Mine.");
    await answered.answer.flush();
    return { ...answered, server, conflict };
}

test("keeping this version writes it over the other tab's, knowingly", async () => {
    const { answer, drafts, server, conflict } = await answerInConflict();

    await answer.keepMine(conflict.body);

    assert.deepEqual(server.requests.at(-1), { ...server.requests.at(-1), text: "Old. Mine.", baseVersion: 4 });
    assert.equal(drafts.read(), null);
});

test("loading the saved version drops this browser's draft and goes on saving from there", async () => {
    const { answer, drafts, server, conflict } = await answerInConflict();

    answer.typed = "Written in the other tab.";
    answer.takeSaved(conflict.body);
    assert.equal(drafts.read(), null);
    answer.type(" After all.");
    await answer.flush();

    assert.deepEqual(server.requests.at(-1), { ...server.requests.at(-1), text: "Written in the other tab. After all.", baseVersion: 4 });
});

test("a stale reply holding this browser's own unanswered save is no conflict: the newer text goes on top", async () => {
    const server = fakeServer(stale(3, "Sent as the page went."), saved(4));
    const { answer, said, events } = openAnswer(server, { text: "Before.", version: 2 });
    answer.typed = "Sent as the page went. And after.";

    answer.restored({ text: "Sent as the page went.", version: 3 });
    await answer.flush();

    assert.deepEqual(server.requests.map(({ text, baseVersion }) => [text, baseVersion]),
        [["Sent as the page went. And after.", 2], ["Sent as the page went. And after.", 3]]);
    assert.equal(said().includes("stale"), false);
    assert.equal(events.at(-1)[0], "saved");
});

test("offline, the text stays in this browser with the save it tried, and goes as soon as the connection returns", async () => {
    const server = fakeServer("offline", saved(1));
    const { answer, drafts, events } = openAnswer(server, { online: false });

    answer.type("Typed on the train.");
    await answer.flush();

    assert.ok(events.some(([name]) => name === "unreachable"));
    assert.deepEqual(events.findLast(([name]) => name === "status"), ["status", "retrying", "Not saved yet: retrying (offline)"]);
    assert.deepEqual(drafts.read(), { ...drafts.read(), text: "Typed on the train.", baseVersion: 0, sending: "Typed on the train." });

    answer.retryNow();
    await answer.flush();
    assert.equal(server.requests.length, 2);
    assert.ok(events.some(([name]) => name === "reachable"));
    assert.equal(drafts.read(), null);
});

test("a save refused because the attempt was handed in or is late tells the page and keeps the text", async () => {
    const server = fakeServer({ status: 409, body: { status: "submitted", message: "This attempt was handed in." } });
    const { answer, drafts, events } = openAnswer(server);

    answer.type("Too late for this one.");
    await answer.flush();

    assert.deepEqual(events.at(-1), ["closed", "This attempt was handed in."]);
    assert.equal(drafts.read().text, "Too late for this one.");
});

test("an answer over the length limit is not sent again until it is edited", async () => {
    const server = fakeServer({ status: 413, body: { status: "too-long", message: "over 10,000 characters." } }, saved(1));
    const { answer, events } = openAnswer(server);

    answer.type("Far too long.");
    await answer.flush();
    await answer.flush();
    assert.equal(server.requests.length, 1);
    assert.deepEqual(events.at(-1), ["status", "error", "Not saved: over 10,000 characters."]);

    answer.typed = "Short.";
    answer.onInput();
    await answer.flush();
    assert.equal(server.requests.length, 2);
});

test("an expired security token asks the page for a reload", async () => {
    const server = fakeServer({ status: 400, body: {} });
    const { answer, drafts, events } = openAnswer(server);

    answer.type("Typed while the token was stale.");
    await answer.flush();

    assert.deepEqual(events.at(-1), ["mustReload", undefined]);
    assert.equal(drafts.read().text, "Typed while the token was stale.");
});

test("an ended session stops saving and tells the page, keeping the draft until the page forgets it", async () => {
    const server = fakeServer({ status: 401 }, saved(1));
    const { answer, drafts, events } = openAnswer(server);

    answer.type("Typed as the session ended elsewhere.");
    await answer.flush();
    answer.type(" And more.");
    await answer.flush();

    assert.deepEqual(events.at(-1), ["signedOut"]);
    assert.equal(server.requests.length, 1);
    assert.equal(drafts.read().text, "Typed as the session ended elsewhere. And more.");
});

test("a refused role or a server error retries and says why", async () => {
    for (const [status, reason] of [[403, "you are signed out: sign in again in another tab"], [500, "the server had a problem"]]) {
        const { answer, events } = openAnswer(fakeServer({ status }));

        answer.type("Typed.");
        await answer.flush();

        assert.deepEqual(events.at(-1), ["status", "retrying", `Not saved yet: retrying (${reason})`]);
        assert.equal(events.some(([name]) => name === "unreachable"), false);
    }
});

test("the server's clock in a reply reaches the page", async () => {
    const { answer, events } = openAnswer(fakeServer({ status: 200, body: { version: 1, serverNow: "2026-12-04T10:00:05Z" } }));

    answer.type("Typed.");
    await answer.flush();

    assert.deepEqual(events.find(([name]) => name === "serverTime"), ["serverTime", "2026-12-04T10:00:05Z"]);
});

test("too many saves: the text stays in this browser and goes again after the server's Retry-After", async () => {
    const server = fakeServer({ status: 429, headers: { "Retry-After": "7" }, body: { detail: "Too many saves." } }, saved(1));
    const { answer, drafts, events } = openAnswer(server);
    await withTimersHeld(async timers => {
        answer.type("Typed in a burst.");
        await answer.flush();

        assert.deepEqual(events.at(-1), ["status", "retrying", "Not saved yet: retrying (too many saves at once; next try in 7 s)"]);
        assert.equal(drafts.read().text, "Typed in a burst.");
        const retry = timers.find(({ ms }) => ms === 7000);
        assert.ok(retry, `a retry after 7 s, not after ${timers.map(({ ms }) => ms)}`);

        retry.run();
        await answer.inFlight;
    });
    assert.equal(server.requests.length, 2);
    assert.equal(drafts.read(), null);
});

test("a server too busy to save (503) is tried again after the wait it names, a little spread, the draft kept meanwhile", async () => {
    const server = fakeServer({ status: 503, headers: { "Retry-After": "4" }, body: { detail: "The server is busy." } }, saved(1));
    const { answer, drafts, events } = openAnswer(server);
    await withTimersHeld(async timers => {
        answer.type("Typed at the deadline.");
        await answer.flush();

        assert.match(events.at(-1)[2], /^Not saved yet: retrying \(the server is busy; next try in 5 s\)$/);
        assert.equal(drafts.read().text, "Typed at the deadline.");
        const retry = timers.find(({ ms }) => ms === 5000);
        assert.ok(retry, `a retry after 4 s and up to a quarter more, not after ${timers.map(({ ms }) => ms)}`);

        retry.run();
        await answer.inFlight;
    });
    assert.equal(server.requests.length, 2);
    assert.equal(drafts.read(), null);
});

test("a body over the server's size limit shows the problem's explanation and waits for an edit", async () => {
    const server = fakeServer({ status: 413, body: { status: 413, detail: "This answer is too large to save (the limit is 256 KB)." } });
    const { answer, events } = openAnswer(server);

    answer.type("Pasted a whole book.");
    await answer.flush();
    await answer.flush();

    assert.equal(server.requests.length, 1);
    assert.deepEqual(events.at(-1), ["status", "error", "Not saved: This answer is too large to save (the limit is 256 KB)."]);
});
