// Recognises the dashboard's shortcuts in the browser so only known ones cost a round trip to the server.
const sequenceTimeoutMs = 1200;

function isTyping(target) {
    if (!(target instanceof HTMLElement)) {
        return false;
    }
    const tag = target.tagName;
    return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

export function listen(dotNet, keys) {
    const known = new Set(keys);
    const prefixes = new Set(keys.filter(k => k.includes(" ")).map(k => k.split(" ")[0]));
    let pending = null;
    let pendingAt = 0;

    function onKeyDown(event) {
        if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || event.repeat) {
            return;
        }
        const key = event.key;
        if (pending !== null && performance.now() - pendingAt < sequenceTimeoutMs) {
            const sequence = `${pending} ${key}`;
            pending = null;
            if (known.has(sequence)) {
                event.preventDefault();
                dotNet.invokeMethodAsync("Pressed", sequence);
            }
            return;
        }
        pending = null;
        if (prefixes.has(key)) {
            pending = key;
            pendingAt = performance.now();
            return;
        }
        if (known.has(key)) {
            event.preventDefault();
            dotNet.invokeMethodAsync("Pressed", key);
        }
    }

    document.addEventListener("keydown", onKeyDown);
    // Lets scripts and tests know keys are being listened for before they type.
    document.documentElement.dataset.shortcuts = "on";
    return {
        dispose() {
            document.removeEventListener("keydown", onKeyDown);
            delete document.documentElement.dataset.shortcuts;
        },
    };
}
