// Programme overview (/programme.html#ID, facilitators): every workshop with its phase, participants
// and ballots, the per-goal roll-up (the strongest proposals for each goal across workshops), and the
// programme's exports.
import { el, byId, setText, show, replace } from './dom.js';
import { get, errorMessage } from './api.js';
import { t, has, lang, localized, formatNumber, formatPercent, onLanguageChange } from './i18n.js';
import { start } from './page.js';
import { openProgrammeEditor } from './programme-editor.js';
import { statusCounts } from './followup-view.js';

const EXPORTS = ['csv', 'csv-excel', 'json', 'html'];
const state = { programme: null, overview: null };

start(async () => {
    const id = Number.parseInt(location.hash.slice(1) || new URLSearchParams(location.search).get('id') || '', 10);
    window.addEventListener('officina:unauthenticated', () => location.assign('/console'));
    try {
        const { programmes } = await get('/api/programmes');
        state.programme = programmes.find((p) => p.id === id) ?? programmes[0];
        if (!state.programme) throw new Error('no programme');
        state.overview = await get(`/api/programmes/${state.programme.id}/overview?lang=${lang()}`);
    } catch (error) {
        setText(byId('fatal'), errorMessage(error));
        show(byId('fatal'), true);
        return;
    }
    render();
    openProgrammeEditor(state.programme, (updated) => {
        state.programme = { ...state.programme, ...updated };
        render();
    });
    onLanguageChange(render);
});

function render() {
    const p = state.programme;
    setText(byId('o-title'), localized(p.title));
    setText(byId('o-desc'), localized(p.description));
    document.title = `${localized(p.title)} — ${t('overview.page_title')}`;
    replace(byId('o-workshops'),
        el('thead', {}, [el('tr', {}, ['overview.workshop', 'overview.phase', 'overview.participants', 'overview.ballots', 'overview.proposals']
            .map((key) => el('th', { attrs: { scope: 'col' }, text: t(key) })))]),
        el('tbody', {}, p.workshops.map((w) => el('tr', { dataset: { code: w.code } }, [
            el('th', { attrs: { scope: 'row' } }, [el('a', { href: `/console#${w.code}`, text: localized(w.title) }),
                el('span', { class: 'muted small', text: ` ${has(`theme.${w.theme}`) ? t(`theme.${w.theme}`) : w.theme} · ${w.code}` })]),
            el('td', {}, [el('span', { class: 'badge phase', dataset: { phase: w.phase }, text: t(`phase.${w.phase}`) })]),
            el('td', { class: 'n', text: formatNumber(w.counts?.participants ?? 0) }),
            el('td', { class: 'n', text: formatNumber(w.counts?.ballots ?? 0) }),
            el('td', { class: 'n', text: formatNumber(w.counts?.proposals ?? 0) }),
        ]))));
    const titles = new Map(p.workshops.map((w) => [w.code, localized(w.title)]));
    replace(byId('o-rollup'), ...(state.overview.rollup?.goals ?? []).map((goal) => el('section', { class: 'rollup-goal', dataset: { goal: goal.key } }, [
        el('h3', { text: localized(goal.label) }),
        el('p', { class: 'muted small', text: t('overview.coverage', { share: formatPercent(goal.coverage ?? 0) }) }),
        goal.strongest?.length
            ? el('ol', {}, goal.strongest.map((s) => el('li', {}, [
                el('strong', { text: s.title }),
                el('span', { class: 'muted', text: ` — ${titles.get(s.workshop) ?? s.workshop} · ${t('overview.score', {
                    score: formatNumber(s.score, { maximumFractionDigits: 1 }), ratings: formatNumber(s.ratings ?? 0) })}` }),
            ])))
            : el('p', { class: 'muted', text: t('overview.none') }),
        // What became of the ideas that serve this goal (issue 13's follow-up actions).
        el('p', { class: 'rollup-actions small', text: t('overview.actions', { counts: statusCounts(state.overview.actionsPerGoal?.[goal.key] ?? {}) }) }),
    ])));
    replace(byId('o-exports'), ...EXPORTS.map((format) => el('a', {
        class: 'button-link', text: t(`export.${format}`), dataset: { format }, attrs: { download: '' },
        href: `/api/programmes/${p.id}/export?format=${format}&lang=${lang()}`,
    })));
}
