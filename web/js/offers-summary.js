// Offer summaries (counts and kinds, never names or contacts) shown on proposal cards, ranking entries
// and the projector: "3 offers: skills, a space". Cards and entries are decorated where they are, so the
// pages that draw them need not know about offers.
import { el, setText } from './dom.js';
import { get, workshopPath } from './api.js';
import { t, tp, localized, onLanguageChange } from './i18n.js';

/** "3 offers: skills, a space" for one summary line ({count, kinds}); '' when there are none. */
export function offerLineText(line, kinds) {
    if (!line || !line.count) return '';
    const labels = line.kinds.map((key) => {
        const kind = kinds.find((k) => k.key === key);
        return kind ? localized(kind.label) : key;
    });
    return t('offers.line', { count: tp('offers.count', line.count), kinds: labels.join(', ') });
}

/** The line for proposal `id` in a summary. */
export function lineFor(summary, id) {
    return summary?.proposals?.[String(id)] ?? null;
}

/**
 * Keeps an offer line on every proposal card (`li.card#p-ID`) and ranking entry (`li.rank-entry[data-id]`)
 * under `root`, now and whenever the page redraws them. `data()` returns `{summary, kinds}`; `after()` runs
 * first on each pass (for the page's own additions to cards).
 */
export function watchOfferLines(root, data, after = () => {}) {
    const decorate = () => {
        after();
        const { summary, kinds } = data();
        if (!summary || !kinds) return;
        for (const node of root.querySelectorAll('li.card[id^="p-"], li.rank-entry[data-id]')) {
            const id = node.dataset.id || node.id.slice(2);
            const text = offerLineText(lineFor(summary, id), kinds);
            let line = node.querySelector(':scope .offer-line');
            if (!line) {
                if (!text) continue;
                line = el('p', { class: 'offer-line' });
                (node.querySelector(':scope > article') || node).append(line);
            }
            if (line.textContent !== text) setText(line, text);
            line.hidden = !text;
        }
    };
    let scheduled = false;
    const schedule = () => {
        if (scheduled) return;
        scheduled = true;
        queueMicrotask(() => { scheduled = false; decorate(); });
    };
    new MutationObserver(schedule).observe(root, { childList: true, subtree: true });
    decorate();
    return decorate;
}

/** The projector's "12 offers of help so far" in `node` (counts only); returns the live-event handler. */
export function mountOfferCount(code, node) {
    let total = 0;
    const render = () => {
        node.hidden = total === 0;
        setText(node, tp('screen.offers', total));
    };
    const update = (summary) => { total = summary?.total ?? 0; render(); };
    get(workshopPath(code, '/offers')).then((data) => update(data.summary)).catch(() => {});
    onLanguageChange(render);
    return update;
}
