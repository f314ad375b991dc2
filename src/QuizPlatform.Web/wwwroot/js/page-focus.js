// Where the keyboard focus goes when the page changes without a page load. Blazor handles same-page links and
// enhanced form posts itself and only scrolls, so the focus would stay behind on the link or the button, away from
// what the reader now looks at, and their next Tab would start there. Listeners on the document (not inline handlers,
// which the Content-Security-Policy refuses), so links and forms that enhanced navigation patches in work too.

/** Focuses <element>, making it focusable by script first if it is not (a heading, a section). */
function focusOn(element) {
    if (!element.matches("a[href], button, input, select, textarea, summary, [tabindex]"))
        element.tabIndex = -1;
    element.focus();
}

// A same-page link (the skip link, "Question 3" in the results' table) takes the focus to its target. After the
// page's own click handlers: one that moved the focus itself (the quiz page's navigator) is left alone.
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a[href*='#']") : null;
    if (!link)
        return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname || url.search !== location.search)
        return;
    const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (target)
        setTimeout(() => document.activeElement === link && focusOn(target));
});

// A message the server put on the page in answer to a form (a mark's outcome, a regrade request sent or refused)
// takes the focus: after a page load, once the browser has scrolled to it, and after an enhanced form post, which
// patches the page in place and would leave the focus on the button, maybe now another answer's.
function focusMessage() {
    const message = document.querySelector("[data-focus-on-load]");
    if (message)
        focusOn(message);
}

if (document.readyState === "complete")
    setTimeout(focusMessage);
else
    window.addEventListener("load", () => setTimeout(focusMessage), { once: true });

// A link to another address with a card in its fragment (an empty answer's "Question 7", which opens its card by its
// address) is an enhanced navigation: Blazor scrolls to the card and leaves the focus on the link (or on the link
// that took its place), so the next Tab went on along the list instead of into the card. The card takes the focus,
// unless the reader has already moved it somewhere else.
function focusAddressTarget(href) {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const focused = document.activeElement;
    if (target && (focused === document.body || focused instanceof HTMLAnchorElement && focused.href === href))
        focusOn(target);
}

let posted = false;
let followed = null;
document.addEventListener("submit", () => posted = true);
// In the capture phase: Blazor's own click handler changes the address before a bubbling one would compare it.
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a[href*='#']") : null;
    const url = link && new URL(link.href);
    followed = url && url.origin === location.origin && (url.pathname !== location.pathname || url.search !== location.search)
        ? link.href : null;
}, true);

globalThis.Blazor?.addEventListener?.("enhancednavigationend", () => {
    if (posted)
        focusMessage();
    else if (followed)
        focusAddressTarget(followed);
    posted = false;
    followed = null;
});
