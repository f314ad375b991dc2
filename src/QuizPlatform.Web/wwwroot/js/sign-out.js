// Sign-out at a shared computer: answers typed on the quiz page are kept in this browser (answer-drafts.js) until the
// server has them, and the next person at the computer could read them. The menu's Sign out (a form marked
// data-sign-out) forgets them, after asking first when one never reached the server. The sign-out response's
// Clear-Site-Data header is the second line of defence, for browsers that run no script.
import { draftKeys, forgetDrafts } from "./answer-drafts.js";

document.addEventListener("submit", event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-sign-out"))
        return;
    const warning = document.querySelector("[data-sign-out-warning]");
    if (draftKeys(localStorage).length === 0 || !warning) {
        forget();
        return;
    }
    event.preventDefault();
    warning.returnValue = "";
    warning.addEventListener("close", () => {
        if (warning.returnValue === "sign-out") {
            forget();
            form.submit();
        }
    }, { once: true });
    warning.showModal();
});

function forget() {
    document.dispatchEvent(new Event("quiz:signing-out"));
    try {
        forgetDrafts(localStorage);
    } catch {
        // Storage blocked: nothing to forget.
    }
}
