// The results page while grading is pending: how often it asks how far grading has come, when it stops, and what it
// tells the student.
import { test } from "node:test";
import assert from "node:assert/strict";
import { askDelay, GIVE_UP_MS, news, nextStage } from "../../src/QuizPlatform.Web/wwwroot/js/grading-stage.js";

test("the page asks after 2 seconds, then half as long again each time, never more than 15 seconds apart", () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 20].map(n => askDelay(n, () => 0)), [2, 3, 4.5, 6.75, 10.125, 15, 15, 15]);
    assert.equal(askDelay(0, () => 0.99), 2 * 1.198);
});

test("the student hears that the grades are ready once they are, and when the meaning pass changed them", () => {
    assert.equal(news("grading", "done"), "Your grades are ready.");
    assert.equal(news("grading", "meaning"), "Your grades are ready.");
    assert.equal(news("not-handed-in", "done"), "Your grades are ready.");
    assert.equal(news("meaning", "done"), "Grading by meaning finished; your scores were updated.");
    assert.equal(news("not-handed-in", "grading"), null); // handed in by the server, still to be graded
});

/** A server answering each question with the next of `replies` (a stage, a status, or "offline"), on a clock the sleeps move. */
function gradingServer(...replies) {
    const asked = [], slept = [];
    let clock = 0;
    return {
        asked, slept,
        now: () => clock,
        sleep: async ms => { slept.push(ms); clock += ms; },
        random: () => 0,
        fetch: async (url, init) => {
            asked.push([url, init.cache]);
            const reply = replies.shift() ?? "grading";
            if (reply === "offline")
                throw new TypeError("Failed to fetch");
            return typeof reply === "number"
                ? { ok: false, status: reply, json: async () => ({}) }
                : { ok: true, status: 200, json: async () => ({ stage: reply }) };
        },
    };
}

test("the page asks until the stage moves on, through failures, and returns the new stage", async () => {
    const server = gradingServer("grading", "offline", 500, "grading", "meaning");

    const stage = await nextStage({ url: "api/attempts/5/grading", stage: "grading", since: 0, ...server });

    assert.equal(stage, "meaning");
    assert.equal(server.asked.length, 5);
    assert.deepEqual(server.asked[0], ["api/attempts/5/grading", "no-store"]);
    assert.deepEqual(server.slept, [2000, 3000, 4500, 6750, 10125]);
});

test("a page left open while grading never finishes stops asking after ten minutes", async () => {
    const server = gradingServer();

    const stage = await nextStage({ url: "api/attempts/5/grading", stage: "grading", since: 0, ...server });

    assert.equal(stage, null);
    assert.ok(server.now() >= GIVE_UP_MS);
    assert.ok(server.asked.length > 10 && server.asked.length < 50, `${server.asked.length} questions in ten minutes`);
});

test("a page that goes away stops asking", async () => {
    const stop = new AbortController();
    const server = gradingServer();
    const sleep = async (ms, signal) => { stop.abort(); throw signal.reason; };

    assert.equal(await nextStage({ url: "u", stage: "grading", signal: stop.signal, ...server, sleep }), null);
    assert.equal(server.asked.length, 0);
});
