// The programme and goals editor (on the programme overview page): title and description in Italian
// and English, goals with their labels (it/en) and default weights; add and remove goals. The server
// refuses to drop a goal ballots rated (409 goal_rated), and the message says why.
import { el, byId, setText, replace } from './dom.js';
import { patch, errorMessage } from './api.js';
import { t, formatNumber } from './i18n.js';

let rowCount = 0;

/** Fills the editor with `programme`; `saved(programme)` runs after a successful save. */
export function openProgrammeEditor(programme, saved) {
    const form = byId('p-edit');
    for (const field of ['title', 'description']) {
        for (const language of ['it', 'en']) byId(`pe-${field}-${language}`).value = programme[field]?.[language] ?? '';
    }
    replace(byId('pe-goals'), ...programme.goals.map((goal) => goalRow(goal, true)));
    setText(byId('pe-error'), '');
    if (!form.dataset.wired) {
        form.dataset.wired = '1';
        byId('pe-add-goal').addEventListener('click', () => {
            const row = goalRow({ key: '', label: { it: '', en: '' }, weight: 1 }, false);
            byId('pe-goals').append(row);
            row.querySelector('input').focus();
        });
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            setText(byId('pe-error'), '');
            const body = {
                title: { it: byId('pe-title-it').value.trim(), en: byId('pe-title-en').value.trim() },
                description: { it: byId('pe-description-it').value.trim(), en: byId('pe-description-en').value.trim() },
                goals: [...byId('pe-goals').children].map((row) => ({
                    key: row.querySelector('[data-field=key]').value.trim(),
                    label: { it: row.querySelector('[data-field=it]').value.trim(), en: row.querySelector('[data-field=en]').value.trim() },
                    weight: Number(row.querySelector('[data-field=weight]').value),
                })),
            };
            try {
                const updated = await patch(`/api/programmes/${programme.id}`, body);
                setText(byId('pe-status'), t('editor.saved'));
                saved(updated);
            } catch (error) {
                setText(byId('pe-error'), errorMessage(error));
            }
        });
    }
}

function goalRow(goal, existing) {
    rowCount += 1;
    const id = `pe-goal-${rowCount}`;
    const input = (field, value, label, props = {}) => {
        const inputId = `${id}-${field}`;
        return el('div', { class: 'field' }, [
            el('label', { htmlFor: inputId, text: label }),
            el('input', { id: inputId, value, dataset: { field }, autocomplete: 'off', ...props }),
        ]);
    };
    const row = el('fieldset', { class: 'goal-row', dataset: { key: goal.key } }, [
        el('legend', { text: goal.key || t('editor.new_goal') }),
        input('key', goal.key, t('editor.goal_key'), { readOnly: existing, pattern: '[a-z][a-z0-9_-]{0,31}' }),
        input('it', goal.label?.it ?? '', t('editor.label_it')),
        input('en', goal.label?.en ?? '', t('editor.label_en')),
        input('weight', String(goal.weight ?? 1), t('editor.weight'), { type: 'number', min: 0, max: 100, step: 0.5 }),
        el('button', { type: 'button', class: 'danger', text: t('editor.remove_goal'),
            attrs: { 'aria-label': t('editor.remove_named', { key: goal.key || formatNumber(rowCount) }) },
            on: { click: () => row.remove() } }),
    ]);
    return row;
}
