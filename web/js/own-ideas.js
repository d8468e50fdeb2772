// One's own ideas on the participant page: edit or withdraw while collecting, and a note for each of
// one's ideas that is no longer shown (withdrawn, or hidden by the facilitator with their reason).
import { el, setText, show, replace, bindCounter } from './dom.js';
import { patch, post, errorMessage } from './api.js';
import { t, formatNumber } from './i18n.js';
import { confirmDialog } from './dialogs.js';

const TITLE_MAX = 120;
const BODY_MAX = 2000;

/**
 * The "Edit · Withdraw" row of a card, shown on one's own visible idea while collecting.
 * `onChanged(proposal)` receives the server's proposal after an edit or a withdrawal.
 */
export function ownIdeaBox(id, onChanged) {
    const error = el('p', { class: 'error', attrs: { role: 'alert' } });
    const editButton = el('button', { type: 'button', class: 'secondary small-button', dataset: { own: 'edit' } });
    const withdrawButton = el('button', { type: 'button', class: 'danger small-button', dataset: { own: 'withdraw' } });
    const actions = el('div', { class: 'own-actions row' }, [editButton, withdrawButton]);
    const box = el('div', { class: 'own-idea' }, [actions, error]);
    let form = null;
    let current = null;

    const closeForm = () => { form?.remove(); form = null; show(actions, true); editButton.focus(); };
    editButton.addEventListener('click', () => {
        if (form || !current) return;
        form = editForm(current, async (changes) => {
            const updated = await patch(`/api/proposals/${id}`, changes);
            updated.mine = true;
            onChanged(updated);
            closeForm();
        }, closeForm);
        show(actions, false);
        box.prepend(form);
        form.querySelector('input').focus();
    });
    withdrawButton.addEventListener('click', async () => {
        if (!current) return;
        const ok = await confirmDialog({
            title: t('own.withdraw_title'), text: t('own.withdraw_text', { title: current.title }), confirmLabel: t('own.withdraw'),
        });
        if (!ok) return;
        setText(error, '');
        try {
            const updated = await post(`/api/proposals/${id}/withdraw`);
            updated.mine = true;
            onChanged(updated);
        } catch (failure) {
            setText(error, errorMessage(failure));
        }
    });
    return {
        node: box,
        /** Shows the box for one's own visible idea while `open` (collecting, before the deadline). */
        update(proposal, open) {
            current = proposal;
            setText(editButton, t('own.edit'));
            setText(withdrawButton, t('own.withdraw'));
            editButton.setAttribute('aria-label', t('own.edit_named', { title: proposal.title }));
            withdrawButton.setAttribute('aria-label', t('own.withdraw_named', { title: proposal.title }));
            const visible = Boolean(proposal.mine) && proposal.status === 'visible' && open;
            show(box, visible);
            if (!visible && form) { form.remove(); form = null; show(actions, true); }
        },
    };
}

function editForm(proposal, save, cancel) {
    const key = `edit-${proposal.id}`;
    const title = el('input', { id: `${key}-title`, value: proposal.title, autocomplete: 'off', attrs: { 'aria-describedby': `${key}-title-count` } });
    const body = el('textarea', { id: `${key}-body`, rows: 3, value: proposal.body, attrs: { 'aria-describedby': `${key}-body-count` } });
    const titleCount = el('span', { class: 'counter', id: `${key}-title-count` });
    const bodyCount = el('span', { class: 'counter', id: `${key}-body-count` });
    const counter = (n, max) => t('form.counter', { n: formatNumber(n), max: formatNumber(max) });
    bindCounter(title, titleCount, TITLE_MAX, counter);
    bindCounter(body, bodyCount, BODY_MAX, counter);
    const error = el('p', { class: 'error', attrs: { role: 'alert' } });
    const submit = el('button', { type: 'submit', class: 'primary', text: t('dialog.save') });
    const form = el('form', { class: 'own-edit', noValidate: true }, [
        el('div', { class: 'field' }, [el('div', { class: 'label-row' }, [el('label', { htmlFor: title.id, text: t('proposal.title_label') }), titleCount]), title]),
        el('div', { class: 'field' }, [el('div', { class: 'label-row' }, [el('label', { htmlFor: body.id, text: t('proposal.body_label') }), bodyCount]), body]),
        error,
        el('div', { class: 'row' }, [submit, el('button', { type: 'button', text: t('dialog.cancel'), on: { click: cancel } })]),
    ]);
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        setText(error, '');
        const changes = { title: title.value.trim(), body: body.value.trim() };
        if (!changes.title) { setText(error, t('proposal.need_title')); title.focus(); return; }
        submit.disabled = true;
        try {
            await save(changes);
        } catch (failure) {
            setText(error, errorMessage(failure));
            submit.disabled = false;
        }
    });
    return form;
}

/** Notes about one's own ideas that others no longer see: withdrawn, or hidden with the reason. */
export function renderOwnNotes(node, proposals) {
    const mine = proposals.filter((p) => p.mine && p.status === 'hidden');
    replace(node, ...mine.map((p) => {
        const text = p.withdrawn ? t('own.withdrawn_note', { title: p.title })
            : t('own.hidden_note', { title: p.title });
        return el('li', { class: 'own-note', dataset: { id: String(p.id), kind: p.withdrawn ? 'withdrawn' : 'hidden' } }, [
            el('p', { text }),
            p.hiddenReason ? el('p', { class: 'own-reason' }, [el('strong', { text: `${t('own.reason')} ` }), el('span', { text: p.hiddenReason })]) : null,
        ]);
    }));
    show(node, mine.length > 0);
}
