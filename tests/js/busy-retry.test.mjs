// The sign-in, start and hand-in forms against a server too busy to take them: how long they wait, and that they post
// again until it does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inSeconds, postUntilAdmitted, retryWait } from "../../src/QuizPlatform.Web/wwwroot/js/busy-retry.js";

test("the wait is the one the server names plus up to a quarter more, five seconds when it names none, a minute at most", () => {
    assert.equal(retryWait("8", () => 0), 8);
    assert.equal(retryWait("8", () => 0.99), 10);
    assert.equal(retryWait(null, () => 0), 5);
    assert.equal(retryWait("soon", () => 0), 5);
    assert.equal(retryWait("0", () => 0), 5);
    assert.equal(retryWait("3600", () => 0), 60);
    assert.equal(inSeconds(1), "1 second");
    assert.equal(inSeconds(7), "7 seconds");
});

/** A fetch answering each POST with the next of `replies` (a status, or "offline"), and a sleep that only records. */
function busyServer(...replies) {
    const posts = [], slept = [], waits = [];
    return {
        posts, slept, waits,
        fetch: async (url, init) => {
            posts.push({ url, method: init.method, body: init.body, redirect: init.redirect });
            const reply = replies.shift();
            if (reply === "offline")
                throw new TypeError("Failed to fetch");
            return { status: reply.status ?? reply, headers: { get: name => reply.retryAfter && name === "Retry-After" ? reply.retryAfter : null } };
        },
        sleep: async ms => { slept.push(ms); },
        waiting: (seconds, reason) => waits.push([seconds, reason]),
    };
}

test("the same form is posted again after each refusal until the server takes it, saying how long each wait is", async () => {
    const server = busyServer({ status: 503, retryAfter: "3" }, { status: 503, retryAfter: "6" }, 200);
    const body = { fields: "the form" };

    const response = await postUntilAdmitted({ url: "/Account/Login", body, ...server, random: () => 0 });

    assert.equal(response.status, 200);
    assert.deepEqual(server.posts.map(post => [post.url, post.method, post.body]),
        [["/Account/Login", "POST", body], ["/Account/Login", "POST", body], ["/Account/Login", "POST", body]]);
    assert.deepEqual(server.waits, [[3, "busy"], [6, "busy"]]);
    assert.deepEqual(server.slept, [3000, 6000]);
});

test("any other answer is the form's own, even a refusal of another kind (too many tries: 429)", async () => {
    for (const status of [302, 400, 429, 500]) {
        const server = busyServer(status);
        const response = await postUntilAdmitted({ url: "/quizzes/4/take", body: "x", ...server });
        assert.equal(response.status, status);
        assert.equal(server.posts.length, 1);
    }
});

test("a server out of reach is tried again after a growing wait", async () => {
    const server = busyServer("offline", "offline", "offline", 200);

    const response = await postUntilAdmitted({ url: "/Account/Login", body: "x", ...server });

    assert.equal(response.status, 200);
    assert.deepEqual(server.waits, [[2, "unreachable"], [5, "unreachable"], [10, "unreachable"]]);
});

test("a newer submit stops the wait of the one before: it posts no more", async () => {
    const server = busyServer({ status: 503, retryAfter: "30" }, 200);
    const newer = new AbortController();

    const older = postUntilAdmitted({ url: "/Account/Login", body: "x", ...server, sleep: undefined, signal: newer.signal });
    await new Promise(resolve => setImmediate(resolve));
    newer.abort(new Error("a newer submit"));

    await assert.rejects(older, /a newer submit/);
    assert.equal(server.posts.length, 1);
});

test("the hand-in asks for its redirect unfollowed, on every try: the page goes to the results itself, loading them once", async () => {
    const server = busyServer({ status: 503, retryAfter: "2" }, 0);

    const response = await postUntilAdmitted({ url: "/attempts/7", body: "x", redirect: "manual", ...server, random: () => 0 });

    assert.equal(response.status, 0); // an opaque redirect
    assert.deepEqual(server.posts.map(post => post.redirect), ["manual", "manual"]);
    assert.deepEqual(server.waits, [[2, "busy"]]);
});
