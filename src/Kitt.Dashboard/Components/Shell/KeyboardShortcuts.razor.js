// Recognises the dashboard's shortcuts in the browser so only known ones cost a round trip to the server. Keys a
// page's own module handles (the 3D view's) never leave the browser: they are offered as a cancelable
// `kitt-shortcut` event, and the key's default action is suppressed only when a module took it.
const sequenceTimeoutMs = 1200;

function isTyping(target) {
    if (!(target instanceof HTMLElement)) {
        return false;
    }
    const tag = target.tagName;
    return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

// Enter or Space on a focused link or button already means "activate it".
function activatesItself(target) {
    return target instanceof Element && target.closest("a, button, [role=button], [role=option], [role=menuitem], [role=tab]") !== null;
}

export function listen(dotNet, keys, browserKeys) {
    const known = new Set(keys);
    const inBrowser = new Set(browserKeys ?? []);
    const prefixes = new Set(keys.filter(k => k.includes(" ")).map(k => k.split(" ")[0]));
    let pending = null;
    let pendingAt = 0;

    function offer(event) {
        const shortcut = new CustomEvent("kitt-shortcut", {
            cancelable: true,
            detail: { keys: event.key === " " ? "Space" : event.key, shift: event.shiftKey, target: event.target },
        });
        if (!document.dispatchEvent(shortcut)) {
            event.preventDefault();
        }
    }

    function onKeyDown(event) {
        if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
            return;
        }
        const key = event.key === " " ? "Space" : event.key;
        if ((key === "Enter" || key === "Space") && activatesItself(event.target)) {
            return;
        }
        if (pending !== null && performance.now() - pendingAt < sequenceTimeoutMs && !event.repeat) {
            const sequence = `${pending} ${key}`;
            pending = null;
            if (known.has(sequence)) {
                event.preventDefault();
                dotNet.invokeMethodAsync("Pressed", sequence);
            }
            return;
        }
        pending = null;
        if (inBrowser.has(key)) {
            offer(event); // held keys repeat: a held arrow keeps turning the view
            return;
        }
        if (event.repeat) {
            return;
        }
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
