// A signed-in page whose session ended (signed out on another device, by an admin, by a new password) leaves for the
// sign-in page, which says why, so nothing of it stays readable on the screen. Interactive pages hear of it at once
// through their circuit (Components/Shared/SignedOutRedirect.razor); pages without one (static pages, the quiz page)
// ask the server every minute and when shown again, and the quiz page also hears it from a refused save
// (quiz:session-ended). Asking keeps no session alive (SessionTicketStore.CheckPath).
// Answer drafts the server never got are forgotten, as at sign-out (sign-out.js): the next person at a shared computer
// must not find them. The sign-in page says how many answers that was; what was saved stays saved.
import { draftKeys, forgetDrafts } from "./answer-drafts.js";

const CHECK_EVERY_MS = 60000;
let leaving = false;

/** The top bar's Sign out form (Components/Layout/UserMenu.razor) is on every signed-in page, and only there. */
const signedIn = () => document.querySelector("form[data-sign-out]") !== null;

async function check() {
    if (leaving || !signedIn() || document.visibilityState === "hidden")
        return;
    let response;
    try {
        response = await fetch("Account/Session", { cache: "no-store", headers: { "X-Requested-With": "XMLHttpRequest" } });
    } catch {
        return; // offline or the server down: the session may well be fine
    }
    if (response.status === 401)
        leave();
}

function leave() {
    if (leaving)
        return;
    leaving = true;
    let unsaved = 0;
    try {
        unsaved = draftKeys(localStorage).filter(key => !key.endsWith(":other")).length;
    } catch {
        // Storage blocked: nothing was kept either.
    }
    document.dispatchEvent(new Event("quiz:signing-out")); // the quiz page stops saving and writing drafts
    try {
        forgetDrafts(localStorage);
    } catch {
        // as above
    }
    const query = new URLSearchParams({ signedOut: "ended" });
    if (unsaved > 0)
        query.set("unsaved", String(unsaved));
    query.set("returnUrl", location.pathname + location.search); // the sign-in page goes back to no #fragment
    location.replace(`Account/Login?${query}`);
}

setInterval(check, CHECK_EVERY_MS);
document.addEventListener("visibilitychange", check);
document.addEventListener("quiz:session-ended", leave);
