// Per-browser preferences live in a long-lived cookie so the server can render the right theme at once.
export function setPreference(name, value) {
    const oneYear = 60 * 60 * 24 * 365;
    document.cookie = `${encodeURIComponent(name)}=${encodeURIComponent(value)}; path=/; max-age=${oneYear}; samesite=lax`;
}
