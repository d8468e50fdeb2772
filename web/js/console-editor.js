// The create / edit workshop dialog of the console, with the voting and bias-control settings.
import { byId, setText, show } from './dom.js';
import { post, patch, workshopPath, errorMessage } from './api.js';
import { t } from './i18n.js';

const DEFAULTS = { votingMethod: 'dots', dotBudget: 5, perProposalCap: 3, ratingsEnabled: true, anonymous: false,
    shuffleProposals: true, showLiveTallies: false, allowSelfSupport: false, requireAccessCode: false };
// Quotas: shown from the workshop's settings (the server's defaults for a new one); left empty, unchanged.
const NUMBERS = { proposalsPerParticipant: 'e-quota-proposals', buildOnsPerParticipant: 'e-quota-buildons',
    editsPerMinute: 'e-quota-edits', maxProposals: 'e-max-proposals' };
const CHECKS = { ratingsEnabled: 'e-ratings', anonymous: 'e-anonymous', shuffleProposals: 'e-shuffle',
    showLiveTallies: 'e-live', allowSelfSupport: 'e-self', requireAccessCode: 'e-access' };

let editing = null;   // { workshop } or { programmeId }

/** Opens the dialog to edit `workshop`, or to create a workshop in `programmeId`. */
export function openEditor(target) {
    editing = target;
    const w = target.workshop;
    const settings = { ...DEFAULTS, ...(w?.settings ?? {}) };
    setText(byId('edit-title'), w ? t('console.edit_title', { code: w.code }) : t('console.create_title'));
    byId('e-theme').value = w?.theme ?? '';
    byId('e-title-it').value = w?.title?.it ?? '';
    byId('e-title-en').value = w?.title?.en ?? '';
    byId('e-desc-it').value = w?.description?.it ?? '';
    byId('e-desc-en').value = w?.description?.en ?? '';
    byId('e-method').value = settings.votingMethod;
    byId('e-budget').value = String(settings.dotBudget);
    byId('e-cap').value = String(settings.perProposalCap);
    for (const [key, id] of Object.entries(CHECKS)) byId(id).checked = Boolean(settings[key]);
    for (const [key, id] of Object.entries(NUMBERS)) byId(id).value = settings[key] === undefined ? '' : String(settings[key]);
    const locked = Boolean(w?.locked);
    show(byId('e-locked'), locked);
    for (const id of ['e-method', 'e-budget', 'e-cap']) byId(id).disabled = locked;
    syncMethod();
    setText(byId('edit-error'), '');
    byId('edit-dialog').showModal();
    byId('e-theme').focus();
}

/** Shows a lock that happened while the dialog is open (the first ballot arrived). */
export function refreshLock(workshop) {
    if (!editing?.workshop || editing.workshop.code !== workshop.code || !workshop.locked) return;
    editing.workshop = { ...editing.workshop, locked: true };
    show(byId('e-locked'), true);
    for (const id of ['e-method', 'e-budget', 'e-cap']) byId(id).disabled = true;
}

function syncMethod() {
    const dots = byId('e-method').value === 'dots';
    const locked = Boolean(editing?.workshop?.locked);
    byId('e-budget').disabled = !dots || locked;
    byId('e-cap').disabled = !dots || locked;
}

function readSettings() {
    const settings = {
        votingMethod: byId('e-method').value,
        dotBudget: Number.parseInt(byId('e-budget').value, 10),
        perProposalCap: Number.parseInt(byId('e-cap').value, 10),
    };
    for (const [key, id] of Object.entries(CHECKS)) settings[key] = byId(id).checked;
    for (const [key, id] of Object.entries(NUMBERS)) {
        const value = Number.parseInt(byId(id).value, 10);
        if (!Number.isNaN(value)) settings[key] = value;
    }
    return settings;
}

/** Wires the dialog's buttons; `onSaved(workshop)` runs after a successful save. */
export function wireEditor({ onSaved }) {
    const dialog = byId('edit-dialog');
    byId('e-method').addEventListener('change', syncMethod);
    byId('edit-cancel').addEventListener('click', () => dialog.close());
    byId('edit-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        const errorBox = byId('edit-error');
        setText(errorBox, '');
        const settings = readSettings();
        const body = {
            theme: byId('e-theme').value.trim(),
            title: { it: byId('e-title-it').value.trim(), en: byId('e-title-en').value.trim() },
            description: { it: byId('e-desc-it').value.trim(), en: byId('e-desc-en').value.trim() },
            settings,
        };
        if (!body.theme || !body.title.it || !body.title.en) { setText(errorBox, t('console.need_title')); return; }
        if (!(settings.dotBudget >= 1) || !(settings.perProposalCap >= 1) || settings.perProposalCap > settings.dotBudget) {
            if (settings.votingMethod === 'dots') { setText(errorBox, t('console.bad_budget')); return; }
        }
        if (Number.isNaN(settings.dotBudget)) settings.dotBudget = DEFAULTS.dotBudget;
        if (Number.isNaN(settings.perProposalCap)) settings.perProposalCap = DEFAULTS.perProposalCap;
        byId('edit-save').disabled = true;
        try {
            const saved = editing.workshop
                ? await patch(workshopPath(editing.workshop.code), body)
                : await post(`/api/programmes/${editing.programmeId}/workshops`, body);
            dialog.close();
            await onSaved(saved);
        } catch (error) {
            setText(errorBox, errorMessage(error));
        } finally {
            byId('edit-save').disabled = false;
        }
    });
}
