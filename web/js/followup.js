// The programme's public follow-up page (/follow-up/{id}): per goal, how many actions are planned, in
// progress, done or dropped; then each workshop's actions with their status and last note.
import { el, byId, setText, show, replace } from './dom.js';
import { get, errorMessage } from './api.js';
import { t, has, localized, onLanguageChange } from './i18n.js';
import { renderActions, statusCounts } from './followup-view.js';
import { goalName } from './ranking.js';
import { start } from './page.js';

let data = null;

start(async () => {
    const id = Number(location.pathname.split('/').filter(Boolean).pop());
    if (!Number.isInteger(id) || id <= 0) { fatal(t('error.not_found')); return; }
    try {
        data = await get(`/api/programmes/${id}/follow-up`);
    } catch (error) {
        fatal(errorMessage(error));
        return;
    }
    render();
    onLanguageChange(render);
});

function fatal(message) {
    setText(byId('fatal'), message);
    show(byId('fatal'), true);
}

function render() {
    setText(byId('f-title'), localized(data.programme.title));
    document.title = `${t('followup.title')} — ${localized(data.programme.title)}`;
    replace(byId('f-goals'), ...data.goals.map((goal) => el('li', { dataset: { goal: goal.key } }, [
        el('strong', { text: goalName(goal) }), el('span', { text: ` — ${statusCounts(data.perGoal[goal.key] || {})}` }),
    ])));
    const withActions = data.workshops.filter((w) => w.actions.length);
    replace(byId('f-workshops'), ...(withActions.length ? withActions : []).map((w) => el('section', { class: 'panel', dataset: { code: w.code } }, [
        el('p', { class: 'theme', text: has(`theme.${w.theme}`) ? t(`theme.${w.theme}`) : w.theme }),
        el('h2', { text: localized(w.title) }),
        renderActions(w.actions),
    ])));
    if (!withActions.length) byId('f-workshops').append(el('p', { class: 'panel muted', text: t('followup.none_yet') }));
}
