// A phase countdown ("12:04 left") that ticks once a second until the deadline.
import { t, formatDateTime } from './i18n.js';

function pad(n) { return String(n).padStart(2, '0'); }

/** Text for `ms` remaining: h:mm:ss above an hour, m:ss below. */
export function clock(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** Binds a countdown to `node`; call `set(deadlineIso|null)` whenever the workshop changes. */
export function countdown(node) {
    let deadline = null;
    let timer = null;
    const tick = () => {
        if (!deadline) { node.hidden = true; return; }
        const left = deadline.getTime() - Date.now();
        node.hidden = false;
        node.dataset.state = left <= 0 ? 'over' : (left < 60000 ? 'soon' : 'running');
        node.textContent = left <= 0 ? t('countdown.over') : t('countdown.left', { time: clock(left) });
        node.title = t('countdown.until', { when: formatDateTime(deadline.toISOString()) });
    };
    return {
        set(iso) {
            clearInterval(timer);
            deadline = iso ? new Date(iso) : null;
            if (deadline && Number.isNaN(deadline.getTime())) deadline = null;
            tick();
            if (deadline) timer = setInterval(tick, 1000);
        },
        refresh: tick,
    };
}
