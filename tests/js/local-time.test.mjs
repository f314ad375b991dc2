// How <local-time> shows an instant in the browser's zone: the quiz page's "until" names the date unless it is today.
import { test } from "node:test";
import assert from "node:assert/strict";

// The module defines its custom element on import: these stand in for the browser's registry.
globalThis.HTMLElement ??= class {};
globalThis.customElements ??= { get: () => undefined, define: () => {} };
const { localText } = await import("../../src/QuizPlatform.Web/wwwroot/js/local-time.js");

// Instants built in this machine's zone, so "today" is the same day whatever the zone.
const morning = new Date(2027, 2, 1, 9, 0, 0);
const tonight = new Date(2027, 2, 1, 23, 30, 15).toISOString();
const dayAfterTomorrow = new Date(2027, 2, 3, 7, 43, 0).toISOString();

test("a time today reads as the time of day alone, on the clock the dates use", () => {
    const shown = localText(tonight, "time-if-today", morning);

    assert.match(shown, /^(23|11):30:15\b/);
    // "11:30 PM" where the dates say "11:30 PM", "23:30" where they say "23:30".
    assert.ok(localText(tonight, "datetime").includes(shown.replace(":15", "")), shown);
});

test("a time on another day names the date, as the other pages show a date and time", () => {
    const shown = localText(dayAfterTomorrow, "time-if-today", morning);

    assert.equal(shown, localText(dayAfterTomorrow, "datetime"));
    assert.match(shown, /2027/);
    assert.match(shown, /\b3\b/);
    assert.match(shown, /07:43/);
});

test("the plain time format stays the time of day, whatever the day", () => {
    assert.match(localText(dayAfterTomorrow, "time", morning), /^07:43:00\b/);
});
