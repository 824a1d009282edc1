// The 3D view of a packing plan on a 2D canvas: scene, orthographic projection, painter's depth sort, picking and
// the animation loop all live here. The plan arrives once; the server hears only of selections and load steps.
const FIELDS = 10; // x, y, z, length, width, height, line, weightKg, fragile (0/1), stop (-1 = none)
// Boxes arrive in loading-step order with `steps`, the number of boxes loaded once each step is done.
const MODES = ["SKU", "stop", "weight", "fragility"];
const VIEWS = { front: [0, 0], side: [-90, 0], top: [-90, 90], iso: [-50, 28] };
const VIEW_KEYS = { "1": "front", "2": "side", "3": "top", "0": "iso" };
const EPS = 1e-6;
// Corners of a face by (a, b, c) = offsets along x, y, z; faces are -x, +x, -y, +y, -z, +z.
const FACES = [
    [[0, 0, 0], [0, 1, 0], [0, 1, 1], [0, 0, 1]],
    [[1, 0, 0], [1, 1, 0], [1, 1, 1], [1, 0, 1]],
    [[0, 0, 0], [1, 0, 0], [1, 0, 1], [0, 0, 1]],
    [[0, 1, 0], [1, 1, 0], [1, 1, 1], [0, 1, 1]],
    [[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]],
    [[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1]],
];
const DROP_MS = 250;
const PLAY_STEP_MS = 300;

export function create(canvas, dotNet, plan) {
    const viewer = new Viewer(canvas, dotNet, plan);
    // Scripts and measurements reach the view through its canvas.
    canvas.kittViewer = viewer;
    return {
        select: index => viewer.select(index, false),
        setStep: step => viewer.setStep(step, false),
        togglePlay: () => viewer.togglePlay(),
        dispose: () => viewer.dispose(),
    };
}

class Viewer {
    constructor(canvas, dotNet, plan) {
        this.canvas = canvas;
        this.ctx = canvas.getContext("2d");
        this.dotNet = dotNet;
        this.container = plan.container;
        this.skus = plan.skus;
        const data = plan.boxes;
        this.n = data.length / FIELDS;
        this.box = Float64Array.from(data);
        this.step = this.n;
        this.ends = plan.steps?.length ? plan.steps : Array.from({ length: this.n }, (_, i) => i + 1);
        this.selected = -1;
        this.mode = 0;
        this.view = "iso";
        [this.yaw, this.pitch] = VIEWS.iso;
        this.target = { yaw: this.yaw, pitch: this.pitch, zoom: 1 };
        this.zoom = 1;
        this.dropFrom = 0; // boxes dropFrom..dropTo-1 fall into place: the step just loaded
        this.dropTo = 0;
        this.dropStart = 0;
        this.frameTimes = [];
        this.frameIntervals = [];
        this.lastFrame = 0;
        this.spin = 0;
        this.drawn = new Float64Array(this.n * 3 * 9);
        this.drawnCount = 0;
        this.findNeighbours();
        this.updateCoverage();
        this.paints = MODES.map((_, m) => this.paintsFor(m));
        this.frame = null;
        this.player = null;

        this.onShortcut = e => this.shortcut(e);
        this.onClick = e => this.pick(e);
        document.addEventListener("kitt-shortcut", this.onShortcut);
        canvas.addEventListener("click", this.onClick);
        this.resize = new ResizeObserver(() => this.invalidate());
        this.resize.observe(canvas);
        this.invalidate();
    }

    dispose() {
        clearInterval(this.player);
        document.removeEventListener("kitt-shortcut", this.onShortcut);
        this.canvas.removeEventListener("click", this.onClick);
        this.resize.disconnect();
        if (this.frame !== null) cancelAnimationFrame(this.frame);
        delete this.canvas.kittViewer;
    }

    // Faces hidden behind touching neighbours are never drawn: in a dense load that is most of them. Neighbours
    // never overlap, so the areas they cover on a face add up exactly.
    findNeighbours() {
        const b = this.box, n = this.n;
        this.neighbours = Array.from({ length: n * 6 }, () => []);
        const overlap = (a0, a1, b0, b1) => Math.min(a1, b1) - Math.max(a0, b0);
        for (let i = 0; i < n; i++) {
            const o = i * FIELDS;
            const ix = b[o], iy = b[o + 1], iz = b[o + 2], il = b[o + 3], iw = b[o + 4], ih = b[o + 5];
            for (let j = i + 1; j < n; j++) {
                const p = j * FIELDS;
                const jx = b[p], jy = b[p + 1], jz = b[p + 2], jl = b[p + 3], jw = b[p + 4], jh = b[p + 5];
                const ox = overlap(ix, ix + il, jx, jx + jl), oy = overlap(iy, iy + iw, jy, jy + jw), oz = overlap(iz, iz + ih, jz, jz + jh);
                if (oy > EPS && oz > EPS) {
                    if (Math.abs(ix + il - jx) < EPS) this.link(i, 1, j, 0, oy * oz);
                    else if (Math.abs(jx + jl - ix) < EPS) this.link(i, 0, j, 1, oy * oz);
                }
                if (ox > EPS && oz > EPS) {
                    if (Math.abs(iy + iw - jy) < EPS) this.link(i, 3, j, 2, ox * oz);
                    else if (Math.abs(jy + jw - iy) < EPS) this.link(i, 2, j, 3, ox * oz);
                }
                if (ox > EPS && oy > EPS) {
                    if (Math.abs(iz + ih - jz) < EPS) this.link(i, 5, j, 4, ox * oy);
                    else if (Math.abs(jz + jh - iz) < EPS) this.link(i, 4, j, 5, ox * oy);
                }
            }
        }
    }

    link(i, fi, j, fj, area) {
        this.neighbours[i * 6 + fi].push(j, area);
        this.neighbours[j * 6 + fj].push(i, area);
    }

    // Only boxes loaded so far cover anything, so coverage follows the load step.
    updateCoverage() {
        const b = this.box;
        this.covered = new Uint8Array(this.n * 6);
        for (let i = 0; i < this.step; i++) {
            const o = i * FIELDS;
            const areas = [b[o + 4] * b[o + 5], b[o + 3] * b[o + 5], b[o + 3] * b[o + 4]];
            for (let f = 0; f < 6; f++) {
                const list = this.neighbours[i * 6 + f];
                let sum = 0;
                for (let k = 0; k < list.length; k += 2) if (list[k] < this.step) sum += list[k + 1];
                this.covered[i * 6 + f] = sum >= areas[f >> 1] * (1 - 1e-6) ? 1 : 0;
            }
        }
    }

    weightRange() {
        let min = Infinity, max = -Infinity;
        for (let i = 0; i < this.n; i++) { const w = this.box[i * FIELDS + 7]; min = Math.min(min, w); max = Math.max(max, w); }
        return [min, max];
    }

    // Hue, saturation and lightness of a box (or of a legend entry) in a colouring mode.
    tone(mode, line, stop, weight, fragile, [min, max]) {
        if (mode === 0) return [(line * 137.508) % 360, 55, 56];
        if (mode === 1) return stop < 0 ? [210, 8, 62] : [(stop * 67 + 200) % 360, 65, 55];
        if (mode === 2) { const t = max > min ? (weight - min) / (max - min) : 0; return [200 - 200 * t, 70, 60 - 15 * t]; }
        return fragile ? [12, 85, 55] : [210, 14, 64];
    }

    paintsFor(mode) {
        const b = this.box, range = this.weightRange();
        const paints = new Array(this.n);
        for (let i = 0; i < this.n; i++) {
            const o = i * FIELDS;
            const [h, s, l] = this.tone(mode, b[o + 6], b[o + 9], b[o + 7], b[o + 8] > 0, range);
            // Lit from above: tops brightest, the two side directions darker.
            paints[i] = [`hsl(${h} ${s}% ${l + 8}%)`, `hsl(${h} ${s}% ${l - 4}%)`, `hsl(${h} ${s}% ${l - 13}%)`];
        }
        return paints;
    }

    // What each colour means in a mode, at most a dozen entries.
    legendFor(mode) {
        const b = this.box, range = this.weightRange(), seen = new Map();
        const swatch = ([h, s, l]) => `hsl(${h} ${s}% ${l}%)`;
        if (mode === 2) {
            const [min, max] = range;
            return [min, (min + max) / 2, max].map(w => [`${Math.round(w * 10) / 10} kg`, swatch(this.tone(2, 0, 0, w, false, range))]);
        }
        for (let i = 0; i < this.n && seen.size < 12; i++) {
            const o = i * FIELDS;
            const key = mode === 0 ? this.skus[i] : mode === 1 ? (b[o + 9] < 0 ? "final stop" : `stop ${b[o + 9]}`) : (b[o + 8] > 0 ? "fragile" : "not fragile");
            if (!seen.has(key)) seen.set(key, swatch(this.tone(mode, b[o + 6], b[o + 9], b[o + 7], b[o + 8] > 0, range)));
        }
        return [...seen.entries()];
    }

    drawLegend(colour, height) {
        const ctx = this.ctx;
        this.legends ??= MODES.map((_, m) => this.legendFor(m));
        let y = height - 12 - (this.legends[this.mode].length - 1) * 16;
        for (const [label, fill] of this.legends[this.mode]) {
            ctx.fillStyle = fill;
            ctx.fillRect(10, y - 9, 10, 10);
            ctx.fillStyle = colour;
            ctx.fillText(label, 26, y);
            y += 16;
        }
    }

    shortcut(event) {
        const keys = event.detail.keys;
        const focused = document.activeElement === this.canvas;
        const turn = { ArrowLeft: [-15, 0], ArrowRight: [15, 0], ArrowUp: [0, 10], ArrowDown: [0, -10] }[keys];
        if (turn) {
            this.target.yaw += turn[0];
            this.target.pitch = Math.max(-30, Math.min(90, this.target.pitch + turn[1]));
            this.view = "custom";
        } else if (keys === "+" || keys === "-") {
            this.target.zoom = Math.max(0.3, Math.min(8, this.target.zoom * (keys === "+" ? 1.25 : 0.8)));
        } else if (VIEW_KEYS[keys]) {
            this.view = VIEW_KEYS[keys];
            [this.target.yaw, this.target.pitch] = VIEWS[this.view];
            // Turn the short way round to the chosen view.
            this.yaw = this.target.yaw + ((((this.yaw - this.target.yaw) % 360) + 540) % 360 - 180);
        } else if (keys === "[" || keys === "]") {
            // A whole loading step; with Shift (or Shift's "{" and "}") a single box.
            this.setStep(event.detail.shift ? this.step + (keys === "]" ? 1 : -1) : this.nextEnd(keys === "]"), true);
        } else if (keys === "{" || keys === "}") {
            this.setStep(this.step + (keys === "}" ? 1 : -1), true);
        } else if (keys === "Space") {
            this.togglePlay();
        } else if (keys === "c") {
            this.mode = (this.mode + 1) % MODES.length;
        } else if (keys === "Tab") {
            if (!focused) return;
            const next = event.detail.shift ? this.selected - 1 : (this.selected < 0 ? 0 : this.selected + 1);
            if (next < 0 || next >= this.step) return; // let focus leave the view at either end
            this.select(next, true);
        } else {
            return;
        }
        event.preventDefault();
        this.invalidate();
    }

    // The box count at the end of the next (or the previous) loading step from where the view stands.
    nextEnd(forward) {
        if (forward) return this.ends.find(e => e > this.step) ?? this.n;
        let previous = 0;
        for (const e of this.ends) { if (e >= this.step) break; previous = e; }
        return previous;
    }

    // Loads the container step by step from empty (or from the current step), one step every PLAY_STEP_MS.
    togglePlay() {
        if (this.player) {
            clearInterval(this.player);
            this.player = null;
        } else {
            if (this.step >= this.n) this.setStep(0, true);
            this.player = setInterval(() => {
                this.setStep(this.nextEnd(true), true);
                if (this.step >= this.n) this.togglePlay();
            }, PLAY_STEP_MS);
        }
        this.invalidate();
    }

    isDropping(i) {
        return i >= this.dropFrom && i < this.dropTo;
    }

    setStep(step, notify) {
        const next = Math.max(0, Math.min(this.n, step));
        if (next === this.step) return;
        if (next > this.step) { this.dropFrom = this.step; this.dropTo = next; this.dropStart = performance.now(); }
        this.step = next;
        if (this.selected >= next) this.select(-1, notify);
        this.updateCoverage();
        this.invalidate();
        if (notify) this.dotNet.invokeMethodAsync("Stepped", next);
    }

    select(index, notify) {
        const next = index >= 0 && index < this.n ? index : -1;
        if (next === this.selected) return;
        this.selected = next;
        this.invalidate();
        if (notify) this.dotNet.invokeMethodAsync("Selected", next);
    }

    pick(event) {
        const rect = this.canvas.getBoundingClientRect();
        const px = event.clientX - rect.left, py = event.clientY - rect.top;
        const d = this.drawn;
        let hit = -1;
        for (let k = this.drawnCount - 1; k >= 0 && hit < 0; k--) {
            const o = k * 9;
            let sign = 0, inside = true;
            for (let e = 0; e < 4 && inside; e++) {
                const ax = d[o + 1 + e * 2], ay = d[o + 2 + e * 2];
                const bx = d[o + 1 + ((e + 1) % 4) * 2], by = d[o + 2 + ((e + 1) % 4) * 2];
                const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
                if (Math.abs(cross) < 1e-9) continue;
                if (sign === 0) sign = Math.sign(cross); else if (Math.sign(cross) !== sign) inside = false;
            }
            if (inside && sign !== 0) hit = d[o];
        }
        this.canvas.focus();
        this.select(hit, true);
    }

    invalidate() {
        if (this.frame === null) this.frame = requestAnimationFrame(t => this.render(t));
    }

    render(now) {
        this.frame = null;
        if (this.lastFrame > 0) this.frameIntervals.push(now - this.lastFrame);
        this.lastFrame = now;
        const started = performance.now();
        // Ease towards the target so key presses turn the view smoothly instead of jumping.
        const ease = 0.3;
        this.yaw += (this.target.yaw - this.yaw) * ease;
        this.pitch += (this.target.pitch - this.pitch) * ease;
        this.zoom += (this.target.zoom - this.zoom) * ease;
        if (this.spin > 0) { this.target.yaw += 1; this.yaw = this.target.yaw; this.spin--; }
        const settled = Math.abs(this.target.yaw - this.yaw) < 0.05 && Math.abs(this.target.pitch - this.pitch) < 0.05
            && Math.abs(this.target.zoom - this.zoom) < 0.001;
        if (settled) { this.yaw = this.target.yaw; this.pitch = this.target.pitch; this.zoom = this.target.zoom; }
        const dropping = this.dropTo > this.dropFrom && now - this.dropStart < DROP_MS;
        if (!dropping) this.dropFrom = this.dropTo = 0;

        this.draw(now);
        this.frameTimes.push(performance.now() - started);
        if (this.frameTimes.length > 2000) { this.frameTimes.splice(0, 1000); this.frameIntervals.splice(0, 1000); }
        this.publishState();
        if (!settled || dropping || this.spin > 0) this.invalidate(); else this.lastFrame = 0;
    }

    draw(now) {
        const canvas = this.canvas, ctx = this.ctx;
        const dpr = window.devicePixelRatio || 1;
        const width = canvas.clientWidth, height = canvas.clientHeight;
        if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
            canvas.width = Math.round(width * dpr);
            canvas.height = Math.round(height * dpr);
        }
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.clearRect(0, 0, width, height);

        const yaw = this.yaw * Math.PI / 180, pitch = this.pitch * Math.PI / 180;
        const cy = Math.cos(yaw), sy = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch);
        const cam = [cp * cy, cp * sy, sp];           // towards the viewer
        const right = [-sy, cy, 0];
        const up = [-sp * cy, -sp * sy, cp];
        const c = this.container;
        const scale = this.zoom * 0.92 * Math.min(width, height) / Math.hypot(c.length, c.width, c.height);
        const ox = width / 2, oy = height / 2;
        const mx = c.length / 2, my = c.width / 2, mz = c.height / 2;
        const sx = (x, y, z) => ox + scale * ((x - mx) * right[0] + (y - my) * right[1]);
        const syf = (x, y, z) => oy - scale * ((x - mx) * up[0] + (y - my) * up[1] + (z - mz) * up[2]);
        const colour = getComputedStyle(canvas).color || "#888";

        // The container: floor and outline.
        ctx.lineWidth = 1;
        ctx.strokeStyle = colour;
        ctx.globalAlpha = 0.12;
        ctx.fillStyle = colour;
        ctx.beginPath();
        ctx.moveTo(sx(0, 0, 0), syf(0, 0, 0)); ctx.lineTo(sx(c.length, 0, 0), syf(c.length, 0, 0));
        ctx.lineTo(sx(c.length, c.width, 0), syf(c.length, c.width, 0)); ctx.lineTo(sx(0, c.width, 0), syf(0, c.width, 0));
        ctx.closePath(); ctx.fill();
        ctx.globalAlpha = 0.55;
        ctx.beginPath();
        for (const [a, b2] of [[[0, 0, 0], [1, 0, 0]], [[0, 1, 0], [1, 1, 0]], [[0, 0, 1], [1, 0, 1]], [[0, 1, 1], [1, 1, 1]],
            [[0, 0, 0], [0, 1, 0]], [[1, 0, 0], [1, 1, 0]], [[0, 0, 1], [0, 1, 1]], [[1, 0, 1], [1, 1, 1]],
            [[0, 0, 0], [0, 0, 1]], [[1, 0, 0], [1, 0, 1]], [[0, 1, 0], [0, 1, 1]], [[1, 1, 0], [1, 1, 1]]]) {
            ctx.moveTo(sx(a[0] * c.length, a[1] * c.width, a[2] * c.height), syf(a[0] * c.length, a[1] * c.width, a[2] * c.height));
            ctx.lineTo(sx(b2[0] * c.length, b2[1] * c.width, b2[2] * c.height), syf(b2[0] * c.length, b2[1] * c.width, b2[2] * c.height));
        }
        ctx.stroke();
        ctx.globalAlpha = 1;

        // Only the three face directions turned to the viewer can show.
        const b = this.box;
        const faces = [];
        if (Math.abs(cam[0]) > EPS) faces.push(cam[0] > 0 ? 1 : 0);
        if (Math.abs(cam[1]) > EPS) faces.push(cam[1] > 0 ? 3 : 2);
        if (Math.abs(cam[2]) > EPS) faces.push(cam[2] > 0 ? 5 : 4);
        const order = this.paintOrder(faces, cam, right, up, scale, sx, syf);
        const paints = this.paints[this.mode];
        const drawn = this.drawn;
        let count = 0;
        const corner = new Float64Array(16);
        ctx.lineJoin = "round";
        ctx.strokeStyle = "rgba(0, 0, 0, 0.35)";
        for (let k = 0; k < order.length; k++) {
            const i = order[k], o = i * FIELDS;
            let z0 = b[o + 2];
            if (this.isDropping(i)) z0 += c.height * 0.35 * (1 - Math.min(1, (now - this.dropStart) / DROP_MS));
            const x0 = b[o], y0 = b[o + 1], l = b[o + 3], w = b[o + 4], h = b[o + 5];
            const bx = sx(x0, y0, z0), by = syf(x0, y0, z0);
            const ex = [scale * l * right[0], -scale * l * up[0]];
            const ey = [scale * w * right[1], -scale * w * up[1]];
            const ez = [0, -scale * h * up[2]];
            for (const f of faces) {
                if (this.covered[i * 6 + f] && !this.isDropping(i)) continue;
                const quad = FACES[f];
                for (let q = 0; q < 4; q++) {
                    const [a, bb, cc] = quad[q];
                    corner[q * 2] = bx + a * ex[0] + bb * ey[0] + cc * ez[0];
                    corner[q * 2 + 1] = by + a * ex[1] + bb * ey[1] + cc * ez[1];
                }
                ctx.fillStyle = paints[i][f >> 1 === 2 ? 0 : f >> 1 === 0 ? 1 : 2];
                ctx.beginPath();
                ctx.moveTo(corner[0], corner[1]); ctx.lineTo(corner[2], corner[3]);
                ctx.lineTo(corner[4], corner[5]); ctx.lineTo(corner[6], corner[7]);
                ctx.closePath();
                ctx.fill();
                ctx.stroke();
                const d = count * 9;
                drawn[d] = i;
                for (let q = 0; q < 8; q++) drawn[d + 1 + q] = corner[q];
                count++;
            }
        }
        this.drawnCount = count;

        if (this.selected >= 0) this.outline(this.selected, sx, syf);
        ctx.fillStyle = colour;
        ctx.font = "12px system-ui, sans-serif";
        ctx.fillText(`Colour: ${MODES[this.mode]} (c)   Step ${this.ends.filter(e => e <= this.step).length}/${this.ends.length} ([ ]), box ${this.step}/${this.n} ({ })   View: ${this.view}`, 10, 18);
        this.drawLegend(colour, height);
    }

    // Painter's order for boxes that do not overlap: where two boxes overlap on screen, the one on the viewer's side
    // of a plane separating them is drawn later (sorting by centre depth gets long boxes wrong). Boxes whose visible
    // faces are all covered by neighbours are left out; boxes that do not overlap keep their depth order.
    paintOrder(faces, cam, right, up, scale, sx, syf) {
        const b = this.box, shown = [];
        for (let i = 0; i < this.step; i++) {
            if (this.isDropping(i) || faces.some(f => !this.covered[i * 6 + f])) shown.push(i);
        }
        const m = shown.length;
        // Scratch space kept between frames: the view turns every frame and should not feed the garbage collector.
        const t = this.scratch ??= {
            x0: new Float64Array(this.n), x1: new Float64Array(this.n), y0: new Float64Array(this.n), y1: new Float64Array(this.n),
            depth: new Float64Array(this.n), before: new Int32Array(this.n), placed: new Uint8Array(this.n),
            after: Array.from({ length: this.n }, () => []), cells: Array.from({ length: 33 * 33 }, () => []),
        };
        const { x0, x1, y0, y1, depth, before, placed, after, cells } = t;
        let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (let k = 0; k < m; k++) {
            const o = shown[k] * FIELDS;
            const bx = sx(b[o], b[o + 1], b[o + 2]), by = syf(b[o], b[o + 1], b[o + 2]);
            const ex0 = scale * b[o + 3] * right[0], ex1 = -scale * b[o + 3] * up[0];
            const ey0 = scale * b[o + 4] * right[1], ey1 = -scale * b[o + 4] * up[1];
            const ez1 = -scale * b[o + 5] * up[2];
            x0[k] = bx + Math.min(0, ex0) + Math.min(0, ey0); x1[k] = bx + Math.max(0, ex0) + Math.max(0, ey0);
            y0[k] = by + Math.min(0, ex1) + Math.min(0, ey1) + Math.min(0, ez1); y1[k] = by + Math.max(0, ex1) + Math.max(0, ey1) + Math.max(0, ez1);
            depth[k] = (b[o] + b[o + 3] / 2) * cam[0] + (b[o + 1] + b[o + 4] / 2) * cam[1] + (b[o + 2] + b[o + 5] / 2) * cam[2];
            minX = Math.min(minX, x0[k]); maxX = Math.max(maxX, x1[k]); minY = Math.min(minY, y0[k]); maxY = Math.max(maxY, y1[k]);
        }

        // Screen cells find the pairs that overlap; a pair is compared only in the cell holding its overlap's corner.
        const size = Math.max(8, (maxX - minX) / 32, (maxY - minY) / 32);
        const cols = Math.floor((maxX - minX) / size) + 1, rows = Math.floor((maxY - minY) / size) + 1;
        for (let cell = 0; cell < cols * rows; cell++) cells[cell].length = 0;
        const cellOf = (x, y) => Math.floor((y - minY) / size) * cols + Math.floor((x - minX) / size);
        for (let k = 0; k < m; k++) {
            const c0 = Math.floor((x0[k] - minX) / size), c1 = Math.floor((x1[k] - minX) / size);
            const r0 = Math.floor((y0[k] - minY) / size), r1 = Math.floor((y1[k] - minY) / size);
            for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[r * cols + c].push(k);
        }
        for (let k = 0; k < m; k++) { after[k].length = 0; before[k] = 0; placed[k] = 0; }
        const edge = (first, second) => { after[first].push(second); before[second]++; };
        for (let cell = 0; cell < cols * rows; cell++) {
            const list = cells[cell];
            for (let a = 0; a < list.length; a++) {
                const p = list[a], op = shown[p] * FIELDS;
                for (let c = a + 1; c < list.length; c++) {
                    const q = list[c];
                    const ox = Math.max(x0[p], x0[q]), oy = Math.max(y0[p], y0[q]);
                    if (Math.min(x1[p], x1[q]) - ox < 0.5 || Math.min(y1[p], y1[q]) - oy < 0.5 || cellOf(ox, oy) !== cell) continue;
                    const oq = shown[q] * FIELDS;
                    for (let axis = 0; axis < 3; axis++) {
                        if (Math.abs(cam[axis]) < 1e-9) continue;
                        const pMin = b[op + axis], qMin = b[oq + axis];
                        if (pMin + b[op + 3 + axis] <= qMin + EPS) { if (cam[axis] > 0) edge(p, q); else edge(q, p); break; }
                        if (qMin + b[oq + 3 + axis] <= pMin + EPS) { if (cam[axis] > 0) edge(q, p); else edge(p, q); break; }
                    }
                }
            }
        }

        const byDepth = Array.from({ length: m }, (_, k) => k).sort((p, q) => depth[p] - depth[q]);
        const queue = byDepth.filter(k => before[k] === 0), order = [];
        for (let head = 0; head < queue.length; head++) {
            const k = queue[head];
            order.push(shown[k]);
            placed[k] = 1;
            for (const next of after[k]) if (--before[next] === 0) queue.push(next);
        }
        // A cycle cannot come from boxes that do not overlap; should rounding make one, depth order settles it.
        if (order.length < m) for (const k of byDepth) if (!placed[k]) order.push(shown[k]);
        return order;
    }

    // The selected box's edges are drawn over everything, so it can be found even when buried.
    outline(i, sx, syf) {
        const ctx = this.ctx, b = this.box, o = i * FIELDS;
        const x = [b[o], b[o] + b[o + 3]], y = [b[o + 1], b[o + 1] + b[o + 4]], z = [b[o + 2], b[o + 2] + b[o + 5]];
        ctx.save();
        ctx.strokeStyle = "#ffd600";
        ctx.lineWidth = 3;
        ctx.shadowColor = "rgba(0,0,0,0.6)";
        ctx.shadowBlur = 4;
        ctx.beginPath();
        for (let a = 0; a < 2; a++) for (let bb = 0; bb < 2; bb++) {
            ctx.moveTo(sx(x[0], y[a], z[bb]), syf(x[0], y[a], z[bb])); ctx.lineTo(sx(x[1], y[a], z[bb]), syf(x[1], y[a], z[bb]));
            ctx.moveTo(sx(x[a], y[0], z[bb]), syf(x[a], y[0], z[bb])); ctx.lineTo(sx(x[a], y[1], z[bb]), syf(x[a], y[1], z[bb]));
            ctx.moveTo(sx(x[a], y[bb], z[0]), syf(x[a], y[bb], z[0])); ctx.lineTo(sx(x[a], y[bb], z[1]), syf(x[a], y[bb], z[1]));
        }
        ctx.stroke();
        ctx.restore();
    }

    publishState() {
        const s = this.canvas.dataset;
        s.yaw = this.target.yaw.toFixed(1);
        s.pitch = this.target.pitch.toFixed(1);
        s.zoom = this.target.zoom.toFixed(3);
        s.step = String(this.step);
        s.boxes = String(this.n);
        s.loadingStep = String(this.ends.filter(e => e <= this.step).length);
        s.loadingSteps = String(this.ends.length);
        s.colouring = MODES[this.mode];
        s.view = this.view;
        s.selected = String(this.selected);
        s.playing = this.player ? "true" : "false";
        s.faces = String(this.drawnCount);
        s.ready = "true";
    }

    // Turns the view one degree a frame for `frames` frames and reports the draw time and frame interval (ms).
    benchmark(frames) {
        this.frameTimes = [];
        this.frameIntervals = [];
        this.lastFrame = 0;
        this.spin = frames;
        this.invalidate();
        return new Promise(resolve => {
            const check = () => {
                if (this.spin > 0 || this.frame !== null) { setTimeout(check, 50); return; }
                const median = values => { const s = [...values].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : 0; };
                const p95 = values => { const s = [...values].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length * 0.95)] : 0; };
                resolve({
                    frames: this.frameTimes.length,
                    boxes: this.n,
                    facesDrawn: this.drawnCount,
                    drawMedianMs: median(this.frameTimes),
                    drawP95Ms: p95(this.frameTimes),
                    intervalMedianMs: median(this.frameIntervals),
                    intervalP95Ms: p95(this.frameIntervals),
                });
            };
            check();
        });
    }
}
