// Renders a Ranking (docs/api.md) with its breakdown: overall score split into goals and support,
// each goal's score with its interval, support, rank range, and the goal-covering shortlist.
import { el } from './dom.js';
import { stackedBar } from './charts.js';
import { t, personName, tp, has, localized, formatNumber, formatPercent } from './i18n.js';
import { groupBreakdown } from './group-breakdown.js';

const one = (n) => formatNumber(n, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** A goal's short name: the translated short label when we know the key, else its full label. */
export function goalName(goal) {
    const key = `goal.short.${goal.key}`;
    return has(key) ? t(key) : localized(goal.label);
}

function supportText(entry, votingMethod) {
    const s = entry.support || {};
    const people = tp('count.supporters', s.supporters ?? 0);
    if (votingMethod === 'dots') return t('ranking.support_dots', { share: formatPercent(s.share ?? 0), dots: tp('count.dots', s.dots ?? 0), people });
    return t('ranking.support_approval', { share: formatPercent(s.share ?? 0), people });
}

/** The ranking as an ordered list of cards. `options.limit` caps entries; `options.large` for the projector. */
export function renderRanking(ranking, goals, { limit = Infinity, large = false } = {}) {
    const shortlisted = new Set(ranking.shortlist?.ids ?? []);
    const method = ranking.method?.votingMethod;
    const list = el('ol', { class: `ranking${large ? ' large' : ''}`, attrs: { 'aria-label': t('ranking.title') } });
    for (const entry of ranking.entries.slice(0, limit)) {
        const goalsPart = entry.parts?.goals ?? 0;
        const supportPart = entry.parts?.support ?? 0;
        const range = entry.rankRange && entry.rankRange.best !== entry.rankRange.worst
            ? t('ranking.range', { best: entry.rankRange.best, worst: entry.rankRange.worst }) : t('ranking.stable');
        const goalItems = goals.map((goal) => {
            const g = entry.goals?.[goal.key];
            if (!g) return null;
            return el('li', {}, [
                el('span', { class: 'goal-name', text: goalName(goal) }),
                el('span', { class: 'goal-score', text: t('ranking.goal_score', {
                    score: one(g.score), plus: one(Math.max(g.high - g.score, g.score - g.low)),
                    ratings: tp('count.ratings', g.ratings ?? 0) }) }),
            ]);
        });
        list.append(el('li', { class: 'rank-entry', dataset: { id: String(entry.id) } }, [
            el('div', { class: 'rank-head' }, [
                el('span', { class: 'rank-no', text: t('ranking.position', { rank: entry.rank }) }),
                el('span', { class: 'rank-title', text: entry.title }),
                shortlisted.has(entry.id) ? el('span', { class: 'badge shortlist', text: t('ranking.shortlisted') }) : null,
                el('span', { class: 'rank-overall', text: one(entry.overall), attrs: { title: t('ranking.overall') } }),
            ]),
            stackedBar([
                { value: goalsPart, className: 'part-goals' },
                { value: supportPart, className: 'part-support' },
            ], { title: t('ranking.parts', { goals: one(goalsPart), support: one(supportPart) }) }),
            el('p', { class: 'rank-parts', text: t('ranking.parts', { goals: one(goalsPart), support: one(supportPart) }) }),
            el('ul', { class: 'goal-scores' }, goalItems),
            el('p', { class: 'rank-support', text: supportText(entry, method) }),
            el('p', { class: 'rank-range muted', text: range }),
            large ? null : groupBreakdown(entry, ranking),
            entry.author ? el('p', { class: 'muted', text: t('proposal.by', { name: personName(entry.author) }) }) : null,
        ]));
    }
    return list;
}

/** The shortlist that covers every goal, with which goal each pick covers. */
export function renderShortlist(ranking, goals) {
    const byId = new Map(ranking.entries.map((e) => [e.id, e]));
    const covers = ranking.shortlist?.covers ?? {};
    const items = (ranking.shortlist?.ids ?? []).map((id) => {
        const entry = byId.get(id);
        const served = goals.filter((g) => (covers[g.key] ?? []).includes(id)).map(goalName);
        return el('li', {}, [
            el('span', { class: 'rank-title', text: entry ? entry.title : `#${id}` }),
            served.length ? el('span', { class: 'muted', text: ` — ${served.join(', ')}` }) : null,
        ]);
    });
    return el('section', { class: 'shortlist-box', attrs: { 'aria-labelledby': 'shortlist-h' } }, [
        el('h3', { id: 'shortlist-h', text: t('ranking.shortlist_title') }),
        el('p', { class: 'muted', text: t('ranking.shortlist_help') }),
        items.length ? el('ol', {}, items) : el('p', { text: t('ranking.empty') }),
    ]);
}

/** The "is the top settled?" note, when the server gives one. */
export function settledNote(ranking) {
    const s = ranking.settled;
    if (!s) return null;
    return el('p', { class: `settled ${s.settled ? 'yes' : 'no'}`,
        text: s.settled ? t('ranking.settled_yes', { k: s.k }) : t('ranking.settled_no', { k: s.k }) });
}
