// The browser's IANA time zone ("Europe/Berlin"), so quiz times are shown and entered in the user's own zone.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
