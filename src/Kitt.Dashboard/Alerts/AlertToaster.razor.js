// A short two-tone chime for a critical alert, made with Web Audio: no sound file to fetch, and nothing plays
// until the page has had a user gesture (browsers' autoplay rule), after which each call plays at once.
let context;

export function playCritical() {
    context ??= new AudioContext();
    if (context.state === "suspended") {
        context.resume();
    }

    const start = context.currentTime;
    [880, 660].forEach((frequency, i) => {
        const tone = context.createOscillator();
        const gain = context.createGain();
        tone.type = "sine";
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + i * 0.25);
        gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.25 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.25 + 0.22);
        tone.connect(gain).connect(context.destination);
        tone.start(start + i * 0.25);
        tone.stop(start + i * 0.25 + 0.25);
    });
    document.documentElement.dataset.alertSound = String((Number(document.documentElement.dataset.alertSound) || 0) + 1);
}
