// <grading-progress stage="grading" data-url="api/attempts/5/grading">: on the results page while grading is pending,
// waits for the stage to move on (grading-stage.js), then updates the page in place and says once, in the page's
// status line ([data-grading-news], a polite live region), what changed. In place rather than a reload (the page used
// to refresh itself): a reload takes a screen-reader or keyboard user back to the top, every few seconds. Blazor's
// enhanced navigation fetches the page and patches the DOM, keeping the elements that stay and so the focus, and the
// page stays where the student was. Without script the page's Check again link reloads it.
import { GIVE_UP_MS, news, nextStage } from "./grading-stage.js";

// An update that never ends (the server out of reach) is given up, and the stage asked for again.
const UPDATE_TIMEOUT_MS = 30_000;

/** Fetches this page again and patches it in; resolves once the new content is in, or after the timeout. */
function updatePage() {
    const blazor = globalThis.Blazor;
    if (!blazor?.addEventListener)
        return void location.reload();
    const focused = document.activeElement;
    let scrolled = null;
    return new Promise(resolve => {
        // Patched in: the browser has kept what the student was looking at in view (scroll anchoring). Blazor then
        // scrolls to the address's #card, where the student may no longer be: put the page back where it was.
        const patched = () => void (scrolled = { left: window.scrollX, top: window.scrollY });
        const done = () => {
            blazor.removeEventListener("enhancedload", patched);
            blazor.removeEventListener("enhancednavigationend", done);
            clearTimeout(timer);
            if (scrolled)
                window.scrollTo({ ...scrolled, behavior: "instant" });
            // The Check again link goes once there is nothing left to check: the focus goes to the page's content.
            if (focused && focused !== document.body && !focused.isConnected)
                document.getElementById("main")?.focus({ preventScroll: true });
            resolve();
        };
        const timer = setTimeout(done, UPDATE_TIMEOUT_MS);
        blazor.addEventListener("enhancedload", patched);
        blazor.addEventListener("enhancednavigationend", done);
        blazor.navigateTo(location.href, { replaceHistoryEntry: true });
    });
}

class GradingProgress extends HTMLElement {
    connectedCallback() {
        this.stop = new AbortController();
        this.watch(this.stop.signal);
    }

    disconnectedCallback() {
        this.stop.abort();
    }

    async watch(signal) {
        const since = Date.now();
        for (;;) {
            const from = this.getAttribute("stage");
            const to = await nextStage({ url: this.dataset.url, stage: from, signal, since });
            if (to === null)
                return;
            await updatePage();
            // Said once the page shows the new stage: this element then has it, or is gone (nothing left to wait for).
            const message = news(from, to);
            const line = document.querySelector("[data-grading-news]");
            if (message && line && (!this.isConnected || this.getAttribute("stage") !== from))
                line.textContent = message;
            if (signal.aborted || Date.now() - since >= GIVE_UP_MS)
                return;
        }
    }
}

if (!customElements.get("grading-progress"))
    customElements.define("grading-progress", GradingProgress);
