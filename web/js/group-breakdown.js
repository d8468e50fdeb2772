// One ranked proposal's support per participant group (docs/scoring.md §19): the broad-support figure,
// how many of each group backed it of those who saw it, and the "carried by one group" flag.
import { el } from './dom.js';
import { t, localized, formatPercent } from './i18n.js';

/** The breakdown line, or null when no group voted. */
export function groupBreakdown(entry, ranking) {
    const broad = entry.broadSupport;
    const groups = ranking.bridging?.groups ?? [];
    if (!broad || groups.length === 0) return null;
    const label = (key) => localized(groups.find((g) => g.key === key)?.label ?? { it: key, en: key });
    const parts = groups.map((group) => {
        const figures = broad.groups?.[group.key] ?? { agree: 0, seen: 0 };
        return t('ranking.group_share', { group: label(group.key), agree: figures.agree, seen: figures.seen });
    });
    return el('div', { class: 'rank-groups small', dataset: { broad: String(broad.score) } }, [
        el('p', { text: `${t('ranking.broad', { p: formatPercent(broad.score) })} · ${parts.join(' · ')}` }),
        broad.carriedBy ? el('p', { class: 'badge carried', text: t('ranking.carried', { group: label(broad.carriedBy) }) }) : null,
    ]);
}
