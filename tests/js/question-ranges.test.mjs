// The hand-in dialog's list of unanswered questions, compressed into ranges.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { numberRanges, unansweredSummary } from "../../src/QuizPlatform.Web/wwwroot/js/question-ranges.js";

describe("numberRanges", () => {
    const cases = [
        [[], ""],
        [[7], "7"],
        [[3, 4], "3, 4"],
        [[3, 4, 5], "3–5"],
        [Array.from({ length: 48 }, (_, i) => i + 3), "3–50"],
        [[1, 3, 4, 5, 9], "1, 3–5, 9"],
        [[2, 4, 6], "2, 4, 6"],
        [[10, 9, 1, 8, 2], "1, 2, 8–10"],
        [[5, 5, 6, 7, 7], "5–7"],
    ];
    for (const [numbers, expected] of cases) {
        test(`[${numbers.join(", ")}] reads "${expected}"`, () => assert.equal(numberRanges(numbers), expected));
    }
});

describe("unansweredSummary", () => {
    const cases = [
        [[], 3, "Every question has an answer."],
        [[3], 3, "1 of 3 questions has no answer: 3."],
        [[1], 1, "1 of 1 question has no answer: 1."],
        [[2, 3], 3, "2 of 3 questions have no answer: 2, 3."],
        [Array.from({ length: 48 }, (_, i) => i + 3), 50, "48 of 50 questions have no answer: 3–50."],
    ];
    for (const [numbers, total, expected] of cases) {
        test(`[${numbers.join(", ")}] of ${total} reads "${expected}"`, () => assert.equal(unansweredSummary(numbers, total), expected));
    }
});
