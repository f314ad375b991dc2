// <retry-countdown seconds="N" data-form="selector" data-submitter="selector">: on a page the server sent back because
// it was too busy to take a form (503: starting a quiz, handing in), counts the wait down and submits that form again
// the way the student did (through its submit button, so the quiz page saves what is unsaved first). Without scripts
// its server-written text ("Try again in N seconds.") stays.
import { inSeconds, retryWait } from "./busy-retry.js";

/**
 * Shows `sentence(left)` in `container` each second from `seconds` down, announcing only the first to screen readers,
 * then calls `done`. Returns a function that stops it.
 */
export function countDown(container, seconds, sentence, done = () => {}) {
    const shown = document.createElement("span"), spoken = document.createElement("span");
    shown.setAttribute("aria-hidden", "true");
    spoken.className = "visually-hidden";
    let left = seconds;
    shown.textContent = spoken.textContent = sentence(left);
    container.replaceChildren(shown, spoken);
    const timer = setInterval(() => {
        if (--left > 0)
            return void (shown.textContent = sentence(left));
        clearInterval(timer);
        done();
    }, 1000);
    return () => clearInterval(timer);
}

class RetryCountdown extends HTMLElement {
    connectedCallback() {
        this.stop = countDown(this, retryWait(this.getAttribute("seconds")), left => `Trying again in ${inSeconds(left)}…`, () => {
            this.textContent = "Trying again now…";
            const form = document.querySelector(this.dataset.form);
            form?.requestSubmit(this.dataset.submitter ? form.querySelector(this.dataset.submitter) : null);
        });
    }

    disconnectedCallback() {
        this.stop?.();
    }
}

if (!customElements.get("retry-countdown"))
    customElements.define("retry-countdown", RetryCountdown);
