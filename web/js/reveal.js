// The results reveal on the projector: the ranking appears from last to first, each entry with its
// breakdown, then the shortlist. With prefers-reduced-motion everything appears at once, unanimated.
import { el, replace } from './dom.js';
import { t } from './i18n.js';
import { renderRanking, renderShortlist } from './ranking.js';

const STEP_MS = 1800;
const MOST = 10;
let timer = null;
let active = false;

/** Whether a reveal is running or showing (the projector's usual results view waits meanwhile). */
export function isRevealing() { return active; }

/** Ends the reveal (e.g. the workshop reopened). */
export function stopReveal() { clearTimeout(timer); active = false; }

/** Reveals `ranking` in `box` from last to first; `ranking.entries` are best first. */
export function startReveal(box, ranking, goals) {
    stopReveal();
    active = true;
    const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const shown = { ...ranking, entries: ranking.entries.slice(0, MOST) };
    const list = renderRanking(shown, goals, { large: true });
    const shortlist = renderShortlist(ranking, goals);
    const items = [...list.children];
    const status = el('p', { class: 'reveal-status muted', attrs: { role: 'status' } });
    replace(box, el('div', { class: 'results-main reveal', dataset: { calm: String(calm) } }, [status, list]),
        el('div', { class: 'results-side' }, [shortlist]));
    box.dataset.revealed = '0';
    if (calm || items.length === 0) {
        box.dataset.revealed = String(items.length);
        box.dataset.revealDone = 'true';
        status.textContent = t('reveal.done');
        return;
    }
    box.dataset.revealDone = 'false';
    for (const item of items) item.classList.add('reveal-pending');
    shortlist.classList.add('reveal-pending');
    let next = items.length - 1;
    const step = () => {
        if (!active) return;
        if (next >= 0) {
            items[next].classList.remove('reveal-pending');
            items[next].classList.add('reveal-in');
            box.dataset.revealed = String(items.length - next);
            status.textContent = t('reveal.position', { rank: next + 1 });
            next -= 1;
            timer = setTimeout(step, STEP_MS);
            return;
        }
        shortlist.classList.remove('reveal-pending');
        shortlist.classList.add('reveal-in');
        box.dataset.revealDone = 'true';
        status.textContent = t('reveal.done');
    };
    step();
}
