// The browser's IANA time zone ("Europe/Berlin"), so quiz times are shown and entered in the user's own zone.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// Drops "?created=true" from the address once the page has said so, keeping the history entry's state.
export function forgetQuery() {
    history.replaceState(history.state, "", location.pathname);
}
