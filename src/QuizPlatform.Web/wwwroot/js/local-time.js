// <local-time data-format="datetime|time|time-if-today"><time datetime="...Z">... UTC</time></local-time>: the server
// renders UTC (static pages do not know the browser's zone); this shows it in the browser's zone. A custom element, so
// it also works on content that Blazor's enhanced navigation patches in, where inline scripts do not run.
const dateTime = new Intl.DateTimeFormat(undefined, {
    weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short",
});
// The browser's own clock, as in the dates: "10:42:13 PM" in the US, "22:42:13" in Germany.
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** The time of day of an ISO instant in the browser's zone and clock, e.g. "10:42:13 AM" or "10:42:13". */
export function localTimeOfDay(iso) {
    return timeOnly.format(parseUtc(iso));
}

/**
 * What a <local-time> shows for an ISO instant: "datetime" the weekday, date and time with the zone; "time" the time of
 * day; "time-if-today" the time of day when the instant is today here, else the date and time.
 */
export function localText(iso, format, now = new Date()) {
    const at = parseUtc(iso);
    const timeOfDay = format === "time" || (format === "time-if-today" && at.toDateString() === now.toDateString());
    return timeOfDay ? timeOnly.format(at) : dateTime.format(at);
}

/** Parses an ISO instant; one without a zone designator is UTC (the server's convention). */
export function parseUtc(iso) {
    return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso + "Z");
}

// On an interactive page Blazor adds the <time> after connecting this element and later rewrites its text when the
// value changes: the observer shows each value in the browser's zone. The text node is edited in place, never
// replaced, because Blazor keeps writing to the node it created.
class LocalTime extends HTMLElement {
    connectedCallback() {
        this.show();
        this.observer ??= new MutationObserver(() => this.show());
        this.observer.observe(this, { childList: true, subtree: true, characterData: true, attributeFilter: ["datetime"] });
    }

    disconnectedCallback() {
        this.observer?.disconnect();
    }

    show() {
        const time = this.querySelector("time[datetime]");
        const text = time?.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE)
            return;
        const shown = localText(time.getAttribute("datetime"), this.dataset.format);
        if (text.data !== shown)
            text.data = shown;
    }
}

if (!customElements.get("local-time"))
    customElements.define("local-time", LocalTime);
