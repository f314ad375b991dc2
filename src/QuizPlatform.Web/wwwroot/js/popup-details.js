// A <details data-popup> drawn over the page (the results' Export menu) closes as a menu does: on Escape, with the
// focus back on its summary, and once the focus or a click goes elsewhere. Left open, it covered the counts below it
// while a keyboard user tabbed on through the page. Listeners on the document, so menus that Blazor renders work too.
const openPopupOf = target => target instanceof Element ? target.closest("details[data-popup][open]") : null;

document.addEventListener("keydown", event => {
    const popup = event.key === "Escape" ? openPopupOf(event.target) : null;
    if (!popup)
        return;
    popup.open = false;
    popup.querySelector("summary").focus();
});

document.addEventListener("focusout", event => {
    const popup = openPopupOf(event.target);
    if (popup && event.relatedTarget instanceof Node && !popup.contains(event.relatedTarget))
        popup.open = false;
});

document.addEventListener("click", event => {
    for (const popup of document.querySelectorAll("details[data-popup][open]"))
        if (!popup.contains(event.target))
            popup.open = false;
});
