// Offers of help on the participant page: on any proposal (a button on each card) or on the workshop as
// a whole; kind, short note, optional organisation, optional contact kept only with the consent box
// ticked. The participant's own offers are listed with edit and withdraw. Cards and the ranking show the
// summary line ("3 offers: skills, a space"), updated live by `offers` events.
import { el, byId, setText, show, replace, bindCounter, toast } from './dom.js';
import { get, post, patch, del, workshopPath, errorMessage } from './api.js';
import { t, localized, formatNumber, onLanguageChange } from './i18n.js';
import { watchOfferLines } from './offers-summary.js';
import { confirmDialog } from './dialogs.js';

const NOTE_MAX = 500;
const ORG_MAX = 120;

/**
 * Starts the offers part of the page. `phase()` gives the workshop's phase, `proposals()` the visible
 * proposals ({id, title}). Returns `{onSummary, reload, render}` for the page's live events and redraws.
 */
export function initOffers({ code, phase, proposals }) {
    const state = { kinds: null, consent: null, summary: null, mine: [], editing: null };
    const decorate = watchOfferLines(document.body, () => state, () => addCardButtons(phase() !== 'draft'));

    const render = () => {
        const open = phase() !== 'draft';
        show(byId('offers-section'), open && state.kinds !== null);
        for (const button of document.querySelectorAll('.offer-help')) button.hidden = !open;
        renderMine();
        decorate();
    };

    const reload = async () => {
        const data = await get(workshopPath(code, '/offers'));
        Object.assign(state, { kinds: data.kinds, consent: data.consent, summary: data.summary, mine: data.mine });
        render();
    };

    // One "Offer help" button per card, added once; cards are drawn by the page.
    function addCardButtons(open) {
        for (const card of document.querySelectorAll('#proposals > li.card[id^="p-"]')) {
            if (card.querySelector('.offer-help')) continue;
            const id = Number(card.id.slice(2));
            const button = el('button', { type: 'button', class: 'secondary small offer-help', text: t('offers.offer_here'),
                hidden: !open, on: { click: () => openForm({ proposalId: id }) } });
            (card.querySelector(':scope > article') || card).append(button);
        }
    }

    function renderMine() {
        const list = byId('offers-mine');
        const titles = new Map(proposals().map((p) => [p.id, p.title]));
        replace(list, ...state.mine.map((offer) => {
            const kind = state.kinds?.find((k) => k.key === offer.kind);
            const target = offer.proposalId === null ? t('offers.whole_workshop') : (titles.get(offer.proposalId) || t('offers.a_proposal'));
            return el('li', { class: 'offer-item', dataset: { id: String(offer.id) } }, [
                el('p', {}, [el('strong', { text: kind ? localized(kind.label) : offer.kind }), ` — ${target}`]),
                offer.note ? el('p', { class: 'muted', text: offer.note }) : null,
                offer.organisation ? el('p', { class: 'muted', text: t('offers.for_org', { org: offer.organisation }) }) : null,
                el('p', { class: 'muted small', text: offer.contact ? t('offers.reachable_at', { contact: offer.contact.value }) : t('offers.no_contact') }),
                el('div', { class: 'row' }, [
                    el('button', { type: 'button', class: 'secondary small', text: t('offers.edit'), on: { click: () => openForm(offer) } }),
                    el('button', { type: 'button', class: 'secondary small danger', text: t('offers.withdraw'), on: { click: () => withdraw(offer) } }),
                ]),
            ]);
        }));
        show(byId('offers-mine-title'), state.mine.length > 0);
    }

    async function withdraw(offer) {
        const ok = await confirmDialog({ title: t('offers.withdraw_title'), text: t('offers.withdraw_text'), confirmLabel: t('offers.withdraw') });
        if (!ok) return;
        try {
            await del(`/api/offers/${offer.id}`);
            state.mine = state.mine.filter((o) => o.id !== offer.id);
            render();
            toast(t('offers.withdrawn'));
        } catch (error) {
            toast(errorMessage(error));
        }
    }

    // ---- the form, in a dialog ----
    const dialog = byId('offer-dialog');
    const form = byId('offer-form');
    const note = byId('o-note');
    const org = byId('o-org');
    const contact = byId('o-contact');
    const consent = byId('o-consent');
    const errorBox = byId('offer-error');
    const counter = (n, max) => t('form.counter', { n: formatNumber(n), max: formatNumber(max) });
    const updateNote = bindCounter(note, byId('o-note-count'), NOTE_MAX, counter);
    const updateOrg = bindCounter(org, byId('o-org-count'), ORG_MAX, counter);
    onLanguageChange(() => { updateNote(); updateOrg(); render(); });
    byId('offer-whole').addEventListener('click', () => openForm({ proposalId: null }));
    byId('offer-cancel').addEventListener('click', () => dialog.close());

    function openForm(offer) {
        if (!state.kinds || !state.consent) return;
        state.editing = offer.id ? offer : null;
        setText(byId('offer-dialog-title'), t(state.editing ? 'offers.edit_title' : 'offers.new_title'));
        const target = byId('o-target');
        replace(target,
            el('option', { value: '', text: t('offers.whole_workshop') }),
            ...proposals().map((p) => el('option', { value: String(p.id), text: p.title })));
        target.value = offer.proposalId === null || offer.proposalId === undefined ? '' : String(offer.proposalId);
        target.disabled = Boolean(state.editing);
        replace(byId('o-kinds'), ...state.kinds.map((kind, index) => el('label', { class: 'check' }, [
            el('input', { type: 'radio', name: 'kind', value: kind.key, required: true,
                checked: state.editing ? kind.key === offer.kind : index === 0 }),
            el('span', { text: localized(kind.label) }),
        ])));
        note.value = offer.note || '';
        org.value = offer.organisation || '';
        contact.value = offer.contact ? offer.contact.value : '';
        consent.checked = false;
        setText(byId('o-consent-text'), localized(state.consent.text));
        setText(errorBox, '');
        updateNote(); updateOrg();
        dialog.showModal();
        byId('o-kinds').querySelector('input:checked')?.focus();
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        setText(errorBox, '');
        const editing = state.editing;
        const payload = {
            kind: form.querySelector('input[name=kind]:checked')?.value,
            note: note.value.trim(),
            organisation: org.value.trim(),
        };
        const typed = contact.value.trim();
        const before = editing?.contact?.value || '';
        if (!editing || typed !== before) {
            payload.contact = typed;
            if (typed) payload.consent = consent.checked;
        }
        if (typed && payload.contact !== undefined && !consent.checked) {
            setText(errorBox, t('offers.need_consent'));
            consent.focus();
            return;
        }
        if (!editing) {
            const target = byId('o-target').value;
            payload.proposalId = target ? Number(target) : null;
        }
        const button = byId('offer-submit');
        button.disabled = true;
        try {
            const saved = editing ? await patch(`/api/offers/${editing.id}`, payload) : await post(workshopPath(code, '/offers'), payload);
            state.mine = [...state.mine.filter((o) => o.id !== saved.id), saved].sort((a, b) => a.id - b.id);
            dialog.close();
            render();
            toast(t(editing ? 'offers.saved' : 'offers.thanks'));
        } catch (error) {
            setText(errorBox, errorMessage(error));
            if (error.field === 'contact') contact.focus();
            else if (error.field === 'consent') consent.focus();
            else if (error.field === 'note') note.focus();
        } finally {
            button.disabled = false;
        }
    });

    return {
        onSummary(summary) { state.summary = summary; decorate(); },
        reload,
        render,
    };
}
