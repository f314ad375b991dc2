// Question numbers as a person reads them: "3–50" for 48 unanswered questions rather than a list of 48.

/** "1, 3–5, 9" for [1, 3, 4, 5, 9]: runs of consecutive numbers (in any order, repeats ignored) become ranges. */
export function numberRanges(numbers) {
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    const runs = [];
    for (const n of sorted) {
        const last = runs.at(-1);
        if (last && n === last[1] + 1)
            last[1] = n;
        else
            runs.push([n, n]);
    }
    return runs.map(([first, end]) => first === end ? `${first}` : end === first + 1 ? `${first}, ${end}` : `${first}–${end}`).join(", ");
}

/** The hand-in dialog's sentence: "1 of 3 questions has no answer: 3." (the verb agrees with the unanswered count). */
export function unansweredSummary(numbers, total) {
    if (numbers.length === 0)
        return "Every question has an answer.";
    const questions = total === 1 ? "question" : "questions";
    return `${numbers.length} of ${total} ${questions} ${numbers.length === 1 ? "has" : "have"} no answer: ${numberRanges(numbers)}.`;
}
