// Blazor's reconnect states on the banner (ReconnectBanner.razor); the retry and resume steps are the template's.
const banner = document.getElementById("components-reconnect-modal");
banner.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        banner.hidden = false;
    } else if (event.detail.state === "hide") {
        banner.hidden = true;
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } else if (event.detail.state === "rejected") {
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    try {
        // true: reconnected; false: the server is back but forgot the circuit; an exception: still unreachable.
        const successful = await Blazor.reconnect();
        if (!successful) {
            const resumed = await Blazor.resumeCircuit();
            if (!resumed)
                location.reload();
            else
                banner.hidden = true;
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit())
            location.reload();
    } catch {
        banner.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible")
        await retry();
}
