// An interactive page arrives prerendered, and when its circuit connects Blazor throws the prerendered markup away and
// puts its first render in its place: the same elements, new copies. What the reader did to the prerendered copies in
// the meantime went with them: a link reached by Tab lost the focus, so Enter did nothing (the student home's Resume,
// a results view's tab), and a menu opened was shut under the pointer (the results' Export). Fields are kept disabled
// until then (their text would be lost too); a focus and an open menu are handed over: the new copy takes the focus,
// or opens. The new copy is the element at the same place (the same child of the same child ... of <body>) with the
// same tag and text; only an element of a prerendered part not yet connected is followed, so nothing else moves.

/** The element's place: its index among its parent's elements, and so on up to <body>. */
function placeOf(element) {
    const place = [];
    for (let e = element; e.parentElement && e !== document.body; e = e.parentElement)
        place.unshift([...e.parentElement.children].indexOf(e));
    return place;
}

/** The element now at <place>, if it is a new copy of <element>. */
function copyOf({ element, place }) {
    let copy = document.body;
    for (const index of place)
        copy = copy?.children[index];
    return copy && copy !== element && copy.tagName === element.tagName && copy.textContent === element.textContent
        ? copy : null;
}

// Blazor marks a prerendered component with <!--Blazor:{"type":"server",...,"prerenderId":...}--> before it and
// <!--Blazor:{"prerenderId":...}--> after it, and blanks the first when the component's first render replaces it.
const START = /^\s*Blazor:\{.*"type":/;
const END = /^\s*Blazor:\{"prerenderId"/;

/** Whether <element> is prerendered markup that the circuit will replace. */
function awaitsConnection(element) {
    for (let node = element; node && node !== document.body; node = node.parentNode)
        for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
            if (sibling.nodeType !== Node.COMMENT_NODE)
                continue;
            if (START.test(sibling.data))
                return true;
            if (END.test(sibling.data))
                break;
        }
    return false;
}

/** What to hand over if <element> is replaced: the element and its place; null if the circuit will not replace it. */
const follow = element =>
    element instanceof Element && awaitsConnection(element) ? { element, place: placeOf(element) } : null;

// This module runs once the page has been read, after Blazor's script: the reader may have acted before.
let focused = follow(document.activeElement);
let opened = follow(document.querySelector("details[open]"));

document.addEventListener("focusin", event => focused = follow(event.target));
// A details' toggle does not bubble: caught on its way down.
document.addEventListener("toggle", event => {
    if (event.target instanceof HTMLDetailsElement)
        opened = event.target.open ? follow(event.target) : null;
}, true);

new MutationObserver(() => {
    if (focused && !focused.element.isConnected) {
        const copy = copyOf(focused);
        if (copy && (document.activeElement === document.body || !document.activeElement))
            copy.focus({ preventScroll: true });
        focused = null;
    }
    if (opened && !opened.element.isConnected) {
        const copy = copyOf(opened);
        if (copy instanceof HTMLDetailsElement)
            copy.open = true;
        opened = null;
    }
    // Other changes may have moved them since: their places are taken again.
    focused &&= follow(focused.element);
    opened &&= follow(opened.element);
}).observe(document.body, { childList: true, subtree: true });
