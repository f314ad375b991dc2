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

test("a time today reads as the time of day alone", () => {
    assert.equal(localText(tonight, "time-if-today", morning), "23:30:15");
});

test("a time on another day names the date, as the other pages show a date and time", () => {
    const shown = localText(dayAfterTomorrow, "time-if-today", morning);

    assert.equal(shown, localText(dayAfterTomorrow, "datetime"));
    assert.match(shown, /2027/);
    assert.match(shown, /\b3\b/);
    assert.match(shown, /07:43/);
});

test("the plain time format stays the time of day, whatever the day", () => {
    assert.equal(localText(dayAfterTomorrow, "time", morning), "07:43:00");
});
