// A message with buttons in a place the page keeps for it (an answer's notice, the page's halted banner): one way to
// tell the student something that needs a choice, so every such message reads, looks and is announced alike.

/** Shows <message> and a button per [label, act] in <container>, replacing what it held, as an alert. */
export function showNotice(container, message, actions, buttonClass) {
    const text = document.createElement("p");
    text.textContent = message;
    const buttons = actions.map(([label, act]) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = buttonClass;
        button.textContent = label;
        button.addEventListener("click", act);
        return button;
    });
    container.replaceChildren(text, ...buttons);
    container.setAttribute("role", "alert");
    container.hidden = false;
}
