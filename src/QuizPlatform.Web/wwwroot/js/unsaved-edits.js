// A page holding edits it has not saved marks an element data-unsaved="true" (the keyword editor): a link would drop
// them unasked. Blazor's NavigationLock cannot guard such a page: it is interactive on its own, so its links are
// followed by enhanced navigation, which the lock never hears of. This asks before a link leaves it, and the browser
// asks before a reload or a closed tab. (Back is not asked: enhanced navigation has already left when it is heard.)
const message = "Leave this page? Your changes are not saved and will be lost.";

const unsaved = () => document.querySelector("[data-unsaved=true]") !== null;

window.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey
        || link.target === "_blank" || link.hasAttribute("download") || !unsaved())
        return;
    const to = new URL(link.href, document.baseURI);
    if (to.origin === location.origin && to.pathname === location.pathname && to.search === location.search && to.hash)
        return; // a link within the page ("Skip to main content")
    if (!confirm(message)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);

window.addEventListener("beforeunload", event => {
    if (unsaved())
        event.preventDefault();
});
