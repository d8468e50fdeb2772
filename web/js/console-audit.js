// The merge audit in the console: who merged which proposal into which, when, and whether it was undone.
import { el, byId, replace, show } from './dom.js';
import { get, workshopPath } from './api.js';
import { t, formatDateTime } from './i18n.js';

/** Loads and shows the audit trail of `code`; `titles` maps proposal ids to titles. */
export async function renderMergeAudit(code, titles) {
    const box = byId('merge-audit-box');
    let merges = [];
    try {
        ({ merges } = await get(workshopPath(code, '/merges')));
    } catch {
        show(box, false);
        return;
    }
    const name = (id) => titles.get(id) ?? `#${id}`;
    replace(byId('merge-audit'), ...merges.slice().reverse().map((m) => el('li', { dataset: { id: String(m.id), undone: String(Boolean(m.undoneAt)) } }, [
        el('span', { text: t('console.audit_entry', { from: name(m.from), into: name(m.into), by: m.by, at: formatDateTime(m.at) }) }),
        m.undoneAt ? el('span', { class: 'muted', text: ` — ${t('console.audit_undone', { at: formatDateTime(m.undoneAt) })}` }) : null,
    ])));
    show(box, merges.length > 0);
}
