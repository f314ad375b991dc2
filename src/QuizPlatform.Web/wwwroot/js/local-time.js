// <local-time data-format="datetime|time"><time datetime="...Z">... UTC</time></local-time>: the server renders UTC
// (static pages do not know the browser's zone); this shows it in the browser's zone. A custom element, so it also
// works on content that Blazor's enhanced navigation patches in, where inline scripts do not run.
const dateTime = new Intl.DateTimeFormat(undefined, {
    weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short",
});
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** The time of day of an ISO instant in the browser's zone, e.g. "10:42:13". */
export function localTimeOfDay(iso) {
    return timeOnly.format(parseUtc(iso));
}

/** Parses an ISO instant; one without a zone designator is UTC (the server's convention). */
export function parseUtc(iso) {
    return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso + "Z");
}

class LocalTime extends HTMLElement {
    connectedCallback() {
        const time = this.querySelector("time[datetime]");
        if (!time)
            return;
        const iso = time.getAttribute("datetime");
        time.textContent = this.dataset.format === "time" ? localTimeOfDay(iso) : dateTime.format(parseUtc(iso));
    }
}

if (!customElements.get("local-time"))
    customElements.define("local-time", LocalTime);
