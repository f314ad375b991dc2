// An interactive page arrives prerendered, and when its circuit connects Blazor throws the prerendered markup away and
// puts its first render in its place: the same elements, new copies. What the reader did to the prerendered copies in
// the meantime went with them: a link reached by Tab lost the focus, so Enter did nothing (the student home's Resume,
// a results view's tab), and a menu opened was shut under the pointer (the results' Export). Fields are kept disabled
// until then (their text would be lost too); a focus and an open menu are handed over: the new copy takes the focus,
// or opens. The new copy is the element at the same place (the same child of the same child ... of <body>) with the
// same tag and text; only an element of a prerendered part not yet connected is followed, so nothing else moves. A
// press on a link or button that the copy replaced before the release clicks the copy, and so does a click on a button
// before its copy came.

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
// <!--Blazor:{"prerenderId":...}--> after it. Its script renames them "bl-root" and "/bl-root" as it starts, long before
// the circuit connects: the elements between them then are still the prerendered ones, and are remembered so.
const START = /^\s*Blazor:\{.*"type":/;
const END = /^\s*Blazor:\{"prerenderId"/;
const prerendered = new WeakSet();

function rememberPrerendered(start) {
    for (let node = start.nextSibling; node && !(node.nodeType === Node.COMMENT_NODE && node.data === "/bl-root"); node = node.nextSibling)
        if (node instanceof Element)
            for (const element of [node, ...node.querySelectorAll("*")])
                prerendered.add(element);
}

/** Whether <element> is prerendered markup that the circuit will replace. */
function awaitsConnection(element) {
    if (prerendered.has(element))
        return true;
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

/** What to hand over if <element> is replaced; null if the circuit will not replace it. */
const follow = element => element instanceof Element && awaitsConnection(element)
    ? { element, place: placeOf(element), address: location.href } : null;

/**
 * Follows <followed> while its element is on the page; once it is gone, gives its copy to <take> as soon as there is
 * one: the first render may come before the page has loaded its data, and the copy with a later one.
 */
function handOver(followed, take) {
    if (!followed)
        return null;
    if (followed.element.isConnected)
        return follow(followed.element); // its place again: other changes may have moved it
    if (followed.address !== location.href)
        return null; // another page
    const copy = copyOf(followed);
    if (!copy)
        return followed;
    take(copy);
    return null;
}

// This module runs as soon as it arrives, mostly while the page is still being read; the reader may have acted before.
let focused = follow(document.activeElement);
let opened = follow(document.querySelector("details[open]"));

// Until the copy comes, a focus moved elsewhere or a click (which would have shut the menu) is the reader moving on.
document.addEventListener("focusin", event => focused = follow(event.target));
document.addEventListener("pointerdown", () => opened &&= opened.element.isConnected ? opened : null, true);
// A details' toggle does not bubble: caught on its way down.
document.addEventListener("toggle", event => {
    if (event.target instanceof HTMLDetailsElement)
        opened = event.target.open ? follow(event.target) : null;
}, true);

// An Enter pressed between the two copies, when the focus is nowhere, was meant for the link or button followed: a
// page reached from another interactive page shows "Loading…" in between, and a quick reader lost it.
document.addEventListener("keydown", event => {
    if (event.key === "Enter" && focused && !focused.element.isConnected && document.activeElement === document.body)
        focused.entered = true;
}, true);

// A link or button pressed just before the copy replaced it, and released on the copy: the browser clicks neither, as
// the press and the release landed on different elements, and the reader's click went nowhere ("See results" on a
// student home that had just connected). Released elsewhere, it is no click, as on any link. A finger's tap is not
// followed: the browser clicks what is under the finger when it lifts, the copy, and sometimes only after this script's
// click would have come (two clicks).
let pressed = null;
document.addEventListener("pointerdown", event => {
    const target = event.pointerType === "mouse" && event.button === 0 && event.target instanceof Element
        ? event.target.closest("a[href], button:not(:disabled)") : null;
    pressed = target && follow(target);
}, true);
document.addEventListener("pointerup", event => {
    const press = pressed;
    pressed = null;
    const copy = press && !press.element.isConnected ? copyOf(press) : null;
    if (!copy || !(event.target instanceof Node && copy.contains(event.target)))
        return;
    // Only if the browser does not click the copy itself, with the release's own events.
    let clicked = false;
    const onClick = click => clicked ||= click.target instanceof Node && copy.contains(click.target);
    document.addEventListener("click", onClick, true);
    setTimeout(() => {
        document.removeEventListener("click", onClick, true);
        if (!clicked && copy.isConnected && !copy.disabled)
            copy.click();
    });
}, true);

// A button of a prerendered part has no handler yet: a click on it did nothing, and its copy then stood there unclicked
// ("New join code" on a class's page, a column's sort). The copy is clicked once it comes; a click elsewhere meanwhile
// is the reader moving on. Not a submit button, whose form the browser itself sends.
let clickedEarly = null;
document.addEventListener("click", event => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    clickedEarly = button?.type === "button" && !button.disabled ? follow(button) : null;
}, true);

new MutationObserver(records => {
    for (const { type, target } of records)
        if (type === "characterData" && target.nodeType === Node.COMMENT_NODE && target.data === "bl-root")
            rememberPrerendered(target);
    clickedEarly = handOver(clickedEarly, copy => {
        if (!copy.disabled)
            copy.click();
    });
    const entered = focused?.entered;
    focused = handOver(focused, copy => {
        if (document.activeElement !== document.body && document.activeElement)
            return;
        copy.focus({ preventScroll: true });
        if (entered && copy.matches("a[href], button:not(:disabled)"))
            copy.click();
    });
    opened = handOver(opened, copy => copy.open = true);
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true }); // <body> may not be read yet
