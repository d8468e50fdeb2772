// "What happened to our ideas": follow-up actions as cards — title, status, owner, next step, due date
// and the last dated note. Shared by the participant page and the programme's public follow-up page.
import { el } from './dom.js';
import { t, formatNumber } from './i18n.js';

/** A short day in the chosen language, from `YYYY-MM-DD`. */
export function formatDay(day) {
    if (!day) return '';
    const [y, m, d] = day.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return new Intl.DateTimeFormat(document.documentElement.lang || 'it', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A status badge. */
export function statusBadge(status) {
    return el('span', { class: 'action-status', dataset: { status }, text: t(`followup.status.${status}`) });
}

/** The list of actions (an `ol.action-list`), or a muted sentence when there are none. */
export function renderActions(actions) {
    if (!actions.length) return el('p', { class: 'muted', text: t('followup.none') });
    return el('ol', { class: 'action-list' }, actions.map((action) => el('li', { class: 'action-item', dataset: { id: String(action.id) } }, [
        el('h3', { text: action.title }),
        el('p', {}, [statusBadge(action.status),
            action.status === 'dropped' && action.reason ? el('span', { class: 'muted', text: ` ${action.reason}` }) : null]),
        action.owner?.name ? el('p', { text: t('followup.owner', { name: action.owner.name }) }) : null,
        action.nextStep ? el('p', { text: t('followup.next_step', { step: action.nextStep }) }) : null,
        action.due ? el('p', { class: 'muted', text: t('followup.due', { day: formatDay(action.due) }) }) : null,
        action.lastNote ? el('p', { class: 'last-note' }, [
            el('strong', { text: `${formatDay(action.lastNote.date)}: ` }), action.lastNote.text,
        ]) : null,
    ])));
}

/** Counts of actions by status, e.g. "2 done · 1 in progress". */
export function statusCounts(counts) {
    return ['done', 'in_progress', 'planned', 'dropped']
        .filter((s) => counts[s])
        .map((s) => `${formatNumber(counts[s])} ${t(`followup.status.${s}`)}`)
        .join(' · ') || t('followup.none_short');
}
