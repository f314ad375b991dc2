// While the results page waits for grading: asking the server how far it has come (GET /api/attempts/{id}/grading,
// { "stage": "not-handed-in" | "grading" | "meaning" | "done" }), less often as time goes by, and what to tell the
// student when it moves on. No DOM here: the page updates itself in grading-progress.js.

const FIRST_S = 2;
const GROWTH = 1.5;
const MAX_S = 15;

/** How long a page keeps asking. Grading takes seconds, the meaning pass a minute or two in a deadline's rush. */
export const GIVE_UP_MS = 10 * 60 * 1000;

/**
 * Seconds before the `n`-th question (from 0): 2, 3, 4.5, … up to 15, plus up to a fifth more at random so a class
 * that handed in together does not ask in step.
 */
export function askDelay(n, random = Math.random) {
    return Math.min(FIRST_S * GROWTH ** n, MAX_S) * (1 + random() / 5);
}

const graded = stage => stage === "meaning" || stage === "done";

/** What the student is told once the page shows stage `to` instead of `from`; null when nothing they wait for changed. */
export function news(from, to) {
    if (!graded(from) && graded(to))
        return "Your grades are ready.";
    if (from === "meaning" && to === "done")
        return "Grading by meaning finished; your scores were updated.";
    return null;
}

/**
 * Asks `url` until the stage it answers is not `stage`, waiting `askDelay` before each question, and resolves with the
 * new stage; resolves null once `GIVE_UP_MS` have passed since `since` or when `signal` aborts. An answer that is not
 * a stage (offline, signed out, a server error) counts as no change.
 */
export async function nextStage({
    url, stage, signal, since = Date.now(),
    fetch = (...args) => globalThis.fetch(...args),
    sleep = abortableSleep,
    now = Date.now,
    random = Math.random,
}) {
    for (let n = 0; ; n++) {
        try {
            await sleep(askDelay(n, random) * 1000, signal);
            if (now() - since >= GIVE_UP_MS)
                return null;
            const response = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } });
            const answer = response.ok ? await response.json() : null;
            if (typeof answer?.stage === "string" && answer.stage !== stage)
                return answer.stage;
        } catch {
            if (signal?.aborted)
                return null;
        }
    }
}

function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            reject(signal.reason);
        }, { once: true });
    });
}
