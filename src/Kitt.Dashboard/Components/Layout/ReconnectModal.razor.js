// Drives the reconnect dialog and tells the app bar's connection indicator (via <html data-connection>)
// what state the circuit is in; the circuit itself can't report that it is gone.
const modal = document.getElementById("components-reconnect-modal");
const root = document.documentElement;

modal.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);
document.getElementById("kitt-reload-button").addEventListener("click", () => location.reload());
root.dataset.connection = "live";

function onStateChanged(event) {
    switch (event.detail.state) {
        case "show":
        case "retrying":
            root.dataset.connection = "reconnecting";
            if (!modal.open) {
                modal.showModal();
            }
            break;
        case "hide":
            root.dataset.connection = "live";
            modal.close();
            break;
        case "failed":
            root.dataset.connection = "offline";
            document.addEventListener("visibilitychange", retryWhenVisible);
            break;
        case "rejected":
            // The server restarted and no longer knows this circuit: a fresh page is the quickest way back.
            location.reload();
            break;
        default:
            break;
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        const reconnected = await Blazor.reconnect();
        if (!reconnected) {
            const resumed = await Blazor.resumeCircuit();
            if (!resumed) {
                location.reload();
            } else {
                modal.close();
            }
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!(await Blazor.resumeCircuit())) {
            location.reload();
        }
    } catch {
        modal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
