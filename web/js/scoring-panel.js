// The console's scoring box (docs/scoring.md): how likely the top k is right, the scoring method
// (officina-1 / officina-2) and the order participants see proposals in (balanced / shuffled).
import { el } from './dom.js';
import { get, patch, workshopPath, errorMessage } from './api.js';
import { t, lang, formatPercent } from './i18n.js';

let cached = { code: null, preferences: null };

/** The settled probability line, or null when the ranking has none. */
function probabilityLine(ranking) {
    const s = ranking.settled;
    if (typeof s?.probability !== 'number') return null;
    const text = t('scoring.probability', { k: s.k, p: formatPercent(s.probability) })
        + (typeof s.threshold === 'number' ? ` ${t('scoring.threshold', { p: formatPercent(s.threshold) })}` : '');
    return el('p', { class: 'settled-probability', dataset: { probability: String(s.probability) }, text });
}

function select(id, label, value, options, onChange) {
    return el('label', { class: 'scoring-choice' }, [
        el('span', { text: label }),
        el('select', { id, on: { change: (event) => onChange(event.target.value) } },
            options.map((o) => el('option', { value: o, text: t(`scoring.option.${o}`), selected: o === value }))),
    ]);
}

/** Broad support on/off (docs/scoring.md §19). */
function bridgingToggle(on, onChange) {
    return el('label', { class: 'scoring-choice' }, [
        el('input', { id: 'scoring-bridging', type: 'checkbox', checked: on, on: { change: (event) => onChange(event.target.checked) } }),
        el('span', { text: ` ${t('scoring.bridging')}` }),
        el('span', { class: 'small muted', text: ` ${t('scoring.bridging_off_hint')}` }),
    ]);
}

let panel = null;

/** The box for `code`'s ranking; `onChanged` recomputes the ranking after the method changes. The same
 * box is reused while the workshop stays open (only its probability line changes), so a live update of
 * the ranking does not rebuild the selects under the facilitator's pointer. */
export function scoringPanel(code, ranking, onChanged) {
    if (panel?.code === code && panel.language === lang()) {
        const line = probabilityLine(ranking) || el('p', { hidden: true });
        panel.line.replaceWith(line);
        panel.line = line;
        return panel.box;
    }
    const line = probabilityLine(ranking) || el('p', { hidden: true });
    const box = el('div', { class: 'scoring-panel' }, [line]);
    panel = { code, box, line, language: lang() };
    const error = el('p', { class: 'error', attrs: { role: 'alert' } });
    const fill = (preferences) => {
        const save = async (member, value) => {
            error.textContent = '';
            try {
                cached.preferences = await patch(workshopPath(code, '/scoring'), { [member]: value });
                onChanged();
            } catch (failure) { error.textContent = errorMessage(failure); }
        };
        box.append(
            select('scoring-method', t('scoring.method'), preferences.method, preferences.methods, (v) => save('method', v)),
            select('scoring-exposure', t('scoring.exposure'), preferences.exposure, preferences.exposures, (v) => save('exposure', v)),
            bridgingToggle(preferences.bridging === true, (on) => save('bridging', on)),
            error);
    };
    if (cached.code === code && cached.preferences) fill(cached.preferences);
    else {
        get(workshopPath(code, '/scoring')).then((preferences) => {
            cached = { code, preferences };
            fill(preferences);
        }).catch((failure) => { error.textContent = errorMessage(failure); box.append(error); });
    }
    return box;
}
