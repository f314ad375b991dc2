// <sign-in-form>: the sign-in card (Components/Account/Pages/Login.razor). It posts the form itself, so that while the
// server is too busy to check a password (503 + Retry-After) the password stays in this page, never written into a
// response, and it posts again after the wait, saying so. Any other answer replaces the card (a wrong password, a
// wait for too many tries) or, when it redirects (signed in, the second step), becomes the page.
import { inSeconds, postUntilAdmitted } from "./busy-retry.js";
import { countDown } from "./retry-countdown.js";

class SignInForm extends HTMLElement {
    connectedCallback() {
        this.listeners = new AbortController();
        this.addEventListener("submit", event => this.submit(event), { signal: this.listeners.signal });
    }

    disconnectedCallback() {
        this.listeners.abort();
        this.pending?.abort();
        this.stopCountdown?.();
    }

    async submit(event) {
        event.preventDefault();
        this.pending?.abort(); // clicking Sign in while waiting posts at once
        const pending = this.pending = new AbortController(), form = event.target;
        let response;
        try {
            response = await postUntilAdmitted({
                url: form.action, body: new FormData(form), signal: pending.signal,
                waiting: (seconds, reason) => this.showWait(seconds, reason),
            });
        } catch {
            return;
        } finally {
            if (this.pending === pending)
                this.stopCountdown?.();
        }
        if (response.redirected)
            return location.assign(response.url);
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const card = page.querySelector("sign-in-form");
        if (!card)
            return this.showStatus("Something went wrong. Reload the page and sign in again.");
        document.title = page.title;
        this.replaceChildren(...card.childNodes);
        const alert = this.querySelector("[role=alert]");
        alert?.setAttribute("tabindex", "-1");
        (alert ?? this.querySelector("input[type=password]"))?.focus();
    }

    showWait(seconds, reason) {
        this.stopCountdown?.();
        const status = this.showStatus("");
        this.stopCountdown = countDown(status, seconds, left => reason === "busy"
            ? `Many students are signing in right now; trying again in ${inSeconds(left)}…`
            : `The server cannot be reached; trying again in ${inSeconds(left)}…`,
        () => status.textContent = "Trying again now…");
    }

    showStatus(text) {
        const status = this.querySelector("[data-busy]");
        status.textContent = text;
        status.hidden = false;
        return status;
    }
}

if (!customElements.get("sign-in-form"))
    customElements.define("sign-in-form", SignInForm);
