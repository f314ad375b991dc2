// The skip link ("Skip to main content"): Blazor handles same-page links itself and only scrolls, so keyboard focus
// would stay on the link; this moves it to the target. One listener on the document (not an inline onclick, which
// the Content-Security-Policy refuses), so links that enhanced navigation patches in work too.
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
    const id = link ? new URL(link.href).hash.slice(1) : "";
    if (id)
        document.getElementById(id)?.focus();
});
