// A button pressed, then moved from under the pointer before the release, still gets its click. Leaving a form's field
// for its submit button makes the server validate the field, and a message that then disappears above the button moves
// it up while the button is held: the release lands beside it, the browser clicks the form instead, and the user had
// to click twice ("Create user" after fixing the name). Only a release inside where the button was when it was pressed
// counts, and only if it moved, so sliding off a button still cancels the click.
let pressed = null;

document.addEventListener("pointerdown", event => {
    const button = event.button === 0 && event.target instanceof Element ? event.target.closest("button") : null;
    pressed = button ? { button, at: button.getBoundingClientRect() } : null;
}, true);

document.addEventListener("click", event => {
    const press = pressed;
    pressed = null;
    if (!press || !event.isTrusted || event.target instanceof Node && press.button.contains(event.target)
        || !press.button.isConnected || press.button.disabled)
        return;
    const { at } = press;
    const now = press.button.getBoundingClientRect();
    const releasedWhereItWas = event.clientX >= at.left && event.clientX <= at.right && event.clientY >= at.top && event.clientY <= at.bottom;
    if (releasedWhereItWas && (now.top !== at.top || now.left !== at.left))
        press.button.click();
}, true);
