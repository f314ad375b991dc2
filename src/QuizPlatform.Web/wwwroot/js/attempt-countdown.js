// Counts down to the server's deadline on the server's clock: the offset between this machine's clock and the
// server's is taken from the page and refined by every save reply, so a wrong clock here changes nothing. The visible
// timer is not a live region (it would speak every second); screen readers hear only 10, 5 and 1 minutes left.
const THRESHOLD_MINUTES = [10, 5, 1];
// The last save leaves this long before the deadline, so it arrives in time even without a grace period.
const LAST_SAVE_MS = 3000;

export class AttemptCountdown {
    constructor({ deadline, serverNow, display, announcer, onLastSave, onExpired }) {
        this.deadline = Date.parse(deadline);
        this.offset = Date.parse(serverNow) - Date.now();
        this.display = display;
        this.announcer = announcer;
        this.onLastSave = onLastSave;
        this.onExpired = onExpired;
        this.lastSaved = false;
        this.expired = false;
        this.announced = new Set(THRESHOLD_MINUTES.filter(m => this.remaining() <= m * 60000)); // passed before load
        this.timer = setInterval(() => this.tick(), 1000); // first, so a deadline already past can stop it
        this.tick();
    }

    /** A reply's serverNow: the server's clock at (about) this moment. */
    serverTime(serverNow) {
        const at = Date.parse(serverNow);
        if (!Number.isNaN(at))
            this.offset = at - Date.now();
    }

    remaining() {
        return this.deadline - (Date.now() + this.offset);
    }

    tick() {
        const left = this.remaining();
        this.display.textContent = timeLeft(left);
        this.display.closest("[data-timer-box]")?.classList.toggle("attempt-timer-low", left <= 5 * 60000);
        for (const minutes of THRESHOLD_MINUTES) {
            if (left <= minutes * 60000 && left > 0 && !this.announced.has(minutes)) {
                this.announced.add(minutes);
                this.announcer.textContent = minutes === 1 ? "1 minute left." : `${minutes} minutes left.`;
            }
        }
        if (left <= LAST_SAVE_MS && !this.lastSaved) {
            this.lastSaved = true;
            this.onLastSave();
        }
        if (left <= 0 && !this.expired) {
            this.expired = true;
            this.stop();
            this.announcer.textContent = "Time is up. Your answers are being handed in.";
            this.onExpired();
        }
    }

    stop() {
        clearInterval(this.timer);
    }
}

/**
 * The timer's text: "2 days 3 h" beyond a day (whole hours, so never more than is left), then "23:59:59", "9:05".
 * The server renders the same before the first tick (Durations.Countdown).
 */
export function timeLeft(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const days = Math.floor(total / 86400), hours = Math.floor(total / 3600) % 24, minutes = Math.floor(total / 60) % 60;
    if (days)
        return (days === 1 ? "1 day" : `${days} days`) + (hours ? ` ${hours} h` : "");
    const seconds = String(total % 60).padStart(2, "0");
    return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
