// The order the server chose for this participant (docs/scoring.md, "Exposure"). The page never
// re-sorts: it keeps the API's order, puts proposals the server did not order (new ones arriving live)
// after it, and shows the leading "needs your eyes" ids as their own gentle group.
import { el } from './dom.js';
import { t } from './i18n.js';

/** The `order` field of the proposals list, with each id's position. */
export function exposureFrom(list) {
    // Without server ordering ('id'), the page shows the newest first, as it always did.
    const ids = list.order?.mode && list.order.mode !== 'id' ? (list.proposals || []).map((p) => p.id) : [];
    const needsEyes = new Set(list.order?.needsEyes || []);
    return { position: new Map(ids.map((id, i) => [id, i])), needsEyes, mode: list.order?.mode || 'id' };
}

/** `proposals` in the server's order; unknown ones last, newest first. */
export function inServerOrder(proposals, exposure) {
    const at = (p) => exposure.position.get(p.id) ?? Infinity;
    return proposals.sort((a, b) => (at(a) - at(b)) || (b.id - a.id));
}

/** The list's nodes with a heading before the "needs your eyes" group and one before the rest. */
export function withGroupHeadings(list, nodes, exposure, headings) {
    const flagged = list.filter((p) => exposure.needsEyes.has(p.id)).length;
    if (flagged === 0) return nodes;
    headings.eyes ||= el('li', { class: 'group-heading', dataset: { group: 'needs-eyes' } });
    headings.rest ||= el('li', { class: 'group-heading', dataset: { group: 'rest' } });
    headings.eyes.textContent = t('exposure.needs_eyes');
    headings.rest.textContent = t('exposure.rest');
    const rest = nodes.slice(flagged);
    return [headings.eyes, ...nodes.slice(0, flagged), ...(rest.length ? [headings.rest, ...rest] : [])];
}
