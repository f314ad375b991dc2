// A page holding edits it has not saved marks an element data-unsaved="true" (the keyword editor's save bar): a link, Back
// or a reload would drop them unasked. Blazor's NavigationLock cannot guard such a page: it is interactive on its own
// under a static router, so links and Back are followed by enhanced navigation, which the lock never hears of (by
// design, still in .NET 10: location changing handlers hear only the circuit's own NavigateTo). This asks before a
// link leaves and before Back or Forward within the page's document; the browser asks before a reload, a closed tab,
// or Back to another document.
const message = "Leave this page? Your changes are not saved and will be lost.";

const unsaved = () => document.querySelector("[data-unsaved=true]") !== null;

// A key typed in a form with such a mark marks the edits unsaved at once: the server marks them too, but only a round
// trip later, after a link clicked straight away would have left. It also marks them saved again (text typed back),
// which this cannot know.
document.addEventListener("input", event => {
    const form = event.target instanceof Element ? event.target.closest("form") : null;
    form?.querySelector("[data-unsaved]")?.setAttribute("data-unsaved", "true");
});

/** Whether two addresses are one page, told apart at most by the part after "#". */
const samePage = (a, b) => a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;

window.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey
        || link.target === "_blank" || link.hasAttribute("download") || !unsaved())
        return;
    const to = new URL(link.href, document.baseURI);
    if (samePage(to, location) && to.hash)
        return; // a link within the page ("Skip to main content")
    if (!confirm(message)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);

// Back and Forward within the page's document (the page was reached by a link, so by enhanced navigation): asked
// before the browser moves, through the Navigation API, since by popstate the address has changed and enhanced
// navigation, whose popstate listener is registered before any module's, is already fetching the page gone back to.
// In a browser without the Navigation API (older Firefox and Safari), Back is not asked. Back to another document
// unloads this one, which beforeunload below asks about.
globalThis.navigation?.addEventListener("navigate", event => {
    if (event.navigationType !== "traverse" || !event.destination.sameDocument || !event.cancelable || !unsaved()
        || samePage(new URL(event.destination.url), location))
        return;
    if (!confirm(message))
        event.preventDefault();
});

window.addEventListener("beforeunload", event => {
    if (unsaved())
        event.preventDefault();
});
