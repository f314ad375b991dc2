// The quiz page's timer: how the time left reads as it ticks, from days away to the last seconds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AttemptCountdown, timeLeft } from "../../src/QuizPlatform.Web/wwwroot/js/attempt-countdown.js";

const second = 1000, minute = 60 * second, hour = 60 * minute, day = 24 * hour;

test("beyond a day the time left reads in days and whole hours, never more than is left", () => {
    assert.equal(timeLeft(2 * day + 3 * hour + 30 * minute), "2 days 3 h");
    assert.equal(timeLeft(2 * day - 51 * second), "1 day 23 h"); // the colleague's "47:59:09"
    assert.equal(timeLeft(day + 20 * minute), "1 day");
});

test("under a day it ticks hours, minutes and seconds, and stops at 0:00", () => {
    assert.equal(timeLeft(day - second), "23:59:59");
    assert.equal(timeLeft(hour), "1:00:00");
    assert.equal(timeLeft(9 * minute + 4200), "9:05"); // part seconds round up
    assert.equal(timeLeft(-3 * second), "0:00");
});

test("a quiz closing in two days shows days on the page and announces nothing", () => {
    const serverNow = "2027-03-01T09:00:00.000Z";
    const display = { textContent: "", closest: () => null }, announcer = { textContent: "" };
    const countdown = new AttemptCountdown({
        deadline: "2027-03-03T12:30:00.000Z", serverNow, display, announcer, onLastSave: () => {}, onExpired: () => {},
    });
    countdown.stop();

    assert.equal(display.textContent, "2 days 3 h");
    assert.equal(announcer.textContent, "");
});
