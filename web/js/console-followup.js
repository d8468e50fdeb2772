// The console's follow-up panel: once a workshop is closed, turn the shortlist (or any proposal) into
// actions, then keep each one's owner, next step, due date, status and dated notes up to date.
import { el, byId, setText, show, replace, toast } from './dom.js';
import { get, post, patch, del, workshopPath, errorMessage } from './api.js';
import { t, personName, formatNumber } from './i18n.js';
import { statusBadge, formatDay } from './followup-view.js';
import { confirmDialog } from './dialogs.js';

const STATUSES = ['planned', 'in_progress', 'done', 'dropped'];

/** Wires the panel once; returns `{open(workshop, proposals), onActions(data), render()}`. */
export function mountFollowUp() {
    const state = { workshop: null, proposals: [], actions: [], owners: [] };

    byId('fu-shortlist').addEventListener('click', async () => {
        setText(byId('fu-error'), '');
        try {
            const { actions } = await post(workshopPath(state.workshop.code, '/actions/shortlist'));
            toast(t('console.fu_created', { n: formatNumber(actions.length) }));
            await reload();
        } catch (error) { setText(byId('fu-error'), errorMessage(error)); }
    });
    byId('fu-new').addEventListener('submit', async (event) => {
        event.preventDefault();
        setText(byId('fu-error'), '');
        const target = byId('fu-proposal').value;
        const title = byId('fu-title').value.trim();
        const body = target ? { proposalId: Number(target) } : { title };
        if (!target && !title) { setText(byId('fu-error'), t('console.fu_need_title')); byId('fu-title').focus(); return; }
        try {
            await post(workshopPath(state.workshop.code, '/actions'), body);
            byId('fu-title').value = '';
            await reload();
        } catch (error) { setText(byId('fu-error'), errorMessage(error)); }
    });

    async function reload() {
        state.actions = (await get(workshopPath(state.workshop.code, '/actions'))).actions;
        render();
    }

    function render() {
        const w = state.workshop;
        if (!w) return;
        const closed = w.phase === 'closed';
        show(byId('fu-closed'), closed);
        show(byId('fu-not-yet'), !closed);
        const link = byId('fu-public');
        link.href = `/follow-up/${w.programmeId}`;
        setText(link, `${location.origin}/follow-up/${w.programmeId}`);
        replace(byId('fu-proposal'),
            el('option', { value: '', text: t('console.fu_own_action') }),
            ...state.proposals.map((p) => el('option', { value: String(p.id), text: p.title })));
        // Rows being edited keep their inputs: only rebuild rows whose action changed.
        const list = byId('fu-list');
        const rows = state.actions.map((action) => {
            const existing = list.querySelector(`:scope > li[data-id="${action.id}"]`);
            if (existing && existing.dataset.stamp === JSON.stringify(action)) return existing;
            return row(action);
        });
        replace(list, ...rows);
        show(byId('fu-empty'), state.actions.length === 0);
    }

    function row(action) {
        const id = `fu-${action.id}`;
        const status = el('select', { id: `${id}-status` }, STATUSES.map((s) => el('option', { value: s, text: t(`followup.status.${s}`), selected: s === action.status })));
        const owner = el('input', { id: `${id}-owner`, value: personName(action.owner?.name), attrs: { list: 'fu-owners', autocomplete: 'off' } });
        const step = el('input', { id: `${id}-step`, value: action.nextStep || '' });
        const due = el('input', { id: `${id}-due`, type: 'date', value: action.due || '' });
        const reason = el('input', { id: `${id}-reason`, value: action.reason || '' });
        const reasonField = el('div', { class: 'field', hidden: action.status !== 'dropped' }, [
            el('label', { htmlFor: reason.id, text: t('console.fu_reason') }), reason]);
        status.addEventListener('change', () => { reasonField.hidden = status.value !== 'dropped'; });
        const error = el('p', { class: 'error', attrs: { role: 'alert' } });
        const save = el('button', { type: 'submit', class: 'primary', text: t('dialog.save') });
        const form = el('form', { class: 'fu-form', noValidate: true }, [
            el('div', { class: 'field' }, [el('label', { htmlFor: status.id, text: t('console.fu_status') }), status]),
            reasonField,
            el('div', { class: 'field' }, [el('label', { htmlFor: owner.id, text: t('console.fu_owner') }), owner]),
            el('div', { class: 'field' }, [el('label', { htmlFor: step.id, text: t('console.fu_next_step') }), step]),
            el('div', { class: 'field' }, [el('label', { htmlFor: due.id, text: t('console.fu_due') }), due]),
            error,
            el('div', { class: 'row' }, [save,
                el('button', { type: 'button', class: 'danger', text: t('console.fu_delete'), on: { click: () => remove(action) } })]),
        ]);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            setText(error, '');
            const body = { status: status.value, nextStep: step.value.trim(), due: due.value || null };
            const offered = state.owners.find((o) => o.name === owner.value.trim());
            if (offered) body.ownerParticipantId = offered.id;
            else body.owner = owner.value.trim();
            if (status.value === 'dropped') body.reason = reason.value.trim();
            try {
                await patch(`/api/actions/${action.id}`, body);
                toast(t('console.saved'));
                await reload();
            } catch (error_) { setText(error, errorMessage(error_)); }
        });
        const noteText = el('input', { id: `${id}-note`, attrs: { 'aria-label': t('console.fu_note') } });
        const noteDate = el('input', { id: `${id}-note-date`, type: 'date', attrs: { 'aria-label': t('console.fu_note_date') } });
        const noteForm = el('form', { class: 'row fu-note-form', noValidate: true }, [
            noteText, noteDate, el('button', { type: 'submit', text: t('console.fu_add_note') })]);
        noteForm.addEventListener('submit', async (event) => {
            event.preventDefault();
            setText(error, '');
            if (!noteText.value.trim()) { noteText.focus(); return; }
            try {
                await post(`/api/actions/${action.id}/notes`, { text: noteText.value.trim(), ...(noteDate.value ? { date: noteDate.value } : {}) });
                await reload();
            } catch (error_) { setText(error, errorMessage(error_)); }
        });
        return el('li', { class: 'action-item', dataset: { id: String(action.id), stamp: JSON.stringify(action) } }, [
            el('h3', {}, [action.title, ' ', statusBadge(action.status)]),
            form,
            el('ul', { class: 'small notes' }, action.notes.slice(0, 5).map((n) => el('li', { text: `${formatDay(n.date)} — ${n.text}` }))),
            noteForm,
        ]);
    }

    async function remove(action) {
        const ok = await confirmDialog({ title: t('console.fu_delete_title'), text: action.title, confirmLabel: t('console.fu_delete') });
        if (!ok) return;
        try { await del(`/api/actions/${action.id}`); await reload(); } catch (error) { toast(errorMessage(error)); }
    }

    return {
        async open(workshop, proposals) {
            state.workshop = workshop;
            state.proposals = proposals.filter((p) => p.status !== 'merged');
            try { await reload(); } catch (error) { setText(byId('fu-error'), errorMessage(error)); }
        },
        workshopChanged(workshop, proposals) {
            state.workshop = workshop;
            state.proposals = proposals.filter((p) => p.status !== 'merged');
            render();
        },
        onActions(data) { state.actions = data.actions || []; render(); },
        setOwners(owners) {
            state.owners = owners;
            replace(byId('fu-owners'), ...owners.map((o) => el('option', { value: o.name })));
        },
    };
}
