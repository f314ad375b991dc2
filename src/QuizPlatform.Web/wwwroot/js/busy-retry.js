// Posting a form the server may refuse while it is busy (503 with Retry-After: sign-in, starting, handing in): wait as
// long as it asks, plus up to a quarter more at random so a refused crowd does not come back in step, and post again.
// No DOM here: the page shows the wait through `waiting`.

const FALLBACK_S = 5;
const MAX_S = 60;
const UNREACHABLE_S = [2, 5, 10, 30];

/** Seconds to wait after a refusal whose Retry-After header read `retryAfter` (null when it had none). */
export function retryWait(retryAfter, random = Math.random) {
    const asked = Number(retryAfter);
    const seconds = retryAfter !== null && Number.isFinite(asked) && asked >= 1 ? Math.min(asked, MAX_S) : FALLBACK_S;
    return Math.ceil(seconds * (1 + random() / 4));
}

/** "1 second", "7 seconds". */
export function inSeconds(seconds) {
    return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
}

/**
 * POSTs `body` to `url` until the server takes it: while it answers 503, or cannot be reached, calls
 * `waiting(seconds, reason)` (reason "busy" or "unreachable"), waits that long and posts again. Resolves with the
 * first other response (redirects followed, unless `redirect` is "manual"); rejects when `signal` aborts (a newer
 * submit took over).
 */
export async function postUntilAdmitted({
    url, body, waiting, signal, redirect = "follow",
    fetch = (...args) => globalThis.fetch(...args),
    sleep = abortableSleep,
    random = Math.random,
}) {
    for (let failures = 0; ;) {
        let response;
        try {
            response = await fetch(url, { method: "POST", body, signal, redirect });
        } catch (error) {
            if (signal?.aborted)
                throw error;
            const seconds = UNREACHABLE_S[Math.min(failures++, UNREACHABLE_S.length - 1)];
            waiting(seconds, "unreachable");
            await sleep(seconds * 1000, signal);
            continue;
        }
        if (response.status !== 503)
            return response;
        failures = 0;
        const seconds = retryWait(response.headers.get("Retry-After"), random);
        waiting(seconds, "busy");
        await sleep(seconds * 1000, signal);
    }
}

function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            reject(signal.reason);
        }, { once: true });
    });
}
