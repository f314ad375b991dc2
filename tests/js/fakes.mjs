// Stand-ins for what the browser gives the quiz page's scripts: localStorage and a server answering saves.

/** A Storage kept in memory; `full` makes every write fail as a full or blocked localStorage does. */
export function memoryStorage({ full = false } = {}) {
    const items = new Map();
    return {
        getItem: key => items.get(key) ?? null,
        setItem: (key, value) => {
            if (full)
                throw new Error("QuotaExceededError");
            items.set(key, String(value));
        },
        removeItem: key => items.delete(key),
        key: index => [...items.keys()][index] ?? null,
        get length() { return items.size; },
    };
}

/**
 * A fetch that answers each PUT with the next of <replies> ({status, body, headers} or "offline" for a failed
 * request) and remembers what was sent ({url, text, baseVersion, token}).
 */
export function fakeServer(...replies) {
    const requests = [];
    const fetch = async (url, init) => {
        const { text, baseVersion } = JSON.parse(init.body);
        requests.push({ url, text, baseVersion, token: init.headers.RequestVerificationToken });
        const reply = replies.shift();
        if (reply === undefined)
            throw new Error(`unexpected save of ${JSON.stringify(text)}`);
        if (reply === "offline")
            throw new TypeError("Failed to fetch");
        const headers = new Map(Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
        return { status: reply.status, headers: { get: name => headers.get(name.toLowerCase()) ?? null }, json: async () => reply.body ?? {} };
    };
    return { fetch, requests, reply: (...more) => replies.push(...more) };
}
