// Live updates over server-sent events with a visible connection state.
// EventSource retries by itself after a dropped connection (sending Last-Event-ID); when the server
// answers an attempt with an error the browser gives up (readyState CLOSED), so we reopen it with
// a growing delay. After any gap the page re-reads its state (`onResync`) in case events were lost.
import { workshopPath } from './api.js';
import { t, onLanguageChange } from './i18n.js';

const EVENTS = ['workshop', 'proposal', 'merge', 'tally', 'offers', 'actions', 'clusters'];

/**
 * Opens the workshop's event stream. `handlers` maps event names to functions of parsed data.
 * `statusNode` (optional) shows "Live" / "Reconnecting…". `query` (optional, e.g. `?audience=public`)
 * is added to the stream's URL.
 */
export function connectEvents(code, handlers, { statusNode = null, onResync = () => {}, query = '' } = {}) {
    let source = null;
    let delay = 1000;
    let hadGap = false;
    let stopped = false;
    let state = 'connecting';
    let retry = null;

    const render = () => {
        if (!statusNode) return;
        statusNode.hidden = false;
        statusNode.dataset.state = state;
        statusNode.textContent = t(`live.${state}`);
    };

    const open = () => {
        if (stopped) return;
        clearTimeout(retry);
        // One stream at a time: a stream left behind (an old retry, the `online` handler's
        // replacement) would hold one of the participant's few stream slots on the server.
        source?.close();
        const current = new EventSource(workshopPath(code, `/events${query}`));
        source = current;
        current.addEventListener('open', () => {
            if (current !== source) return;
            state = 'live';
            delay = 1000;
            render();
            if (hadGap) { hadGap = false; onResync(); }
        });
        current.addEventListener('error', () => {
            if (stopped || current !== source) return;
            hadGap = true;
            state = 'reconnecting';
            render();
            if (current.readyState === EventSource.CLOSED) {
                retry = setTimeout(open, delay);
                delay = Math.min(delay * 2, 15000);
            }
        });
        for (const name of EVENTS) {
            current.addEventListener(name, (event) => {
                const handler = handlers[name];
                if (!handler) return;
                let data;
                try { data = JSON.parse(event.data); } catch { return; }
                handler(data);
            });
        }
    };

    window.addEventListener('offline', () => { state = 'reconnecting'; hadGap = true; render(); });
    // Back online: do not wait for the browser's retry timer (or trust a stream that may have died
    // silently); open a fresh one now, and re-read the state once it is open.
    window.addEventListener('online', () => {
        if (stopped) return;
        hadGap = true;
        delay = 1000;
        open();
    });
    window.addEventListener('pagehide', () => { stopped = true; clearTimeout(retry); source?.close(); });
    onLanguageChange(render);
    render();
    open();
    return {
        close() { stopped = true; clearTimeout(retry); source?.close(); },
        rerender: render,
    };
}
