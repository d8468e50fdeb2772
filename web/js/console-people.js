// The console's "People and partners" panel: who offered what (by kind, goal and proposal), the
// organisations, who may be contacted, contact exports (each recorded), and every participant with a
// button to reissue their personal return link when they lost their phone.
import { el, byId, setText, show, replace, toast } from './dom.js';
import { get, post, workshopPath, errorMessage } from './api.js';
import { t, localized, formatNumber, formatDateTime } from './i18n.js';
import { drawQR } from './qr-draw.js';
import { offerLineText, watchOfferLines } from './offers-summary.js';

/** Wires the panel once; returns `{open(workshop), refresh()}`. */
export function mountPeople({ onOwners = () => {} } = {}) {
    const state = { workshop: null, people: null, participants: [], summary: null, kinds: null };
    watchOfferLines(byId('console-ranking'), () => state);

    async function refresh() {
        const code = state.workshop.code;
        const [participants, offers] = await Promise.all([
            get(workshopPath(code, '/participants')),
            get(workshopPath(code, '/offers')),
        ]);
        state.participants = participants.participants;
        state.summary = offers.summary;
        state.kinds = offers.kinds;
        render();
    }

    function render() {
        renderParticipants();
        if (state.people) renderPeople();
    }

    function renderParticipants() {
        replace(byId('pp-participants'), ...state.participants.map((p) => el('li', { dataset: { id: String(p.id) } }, [
            el('span', { text: p.name }), ' ',
            el('span', { class: 'muted small', text: p.returnLink.active ? t('console.pp_link_active', { when: formatDateTime(p.returnLink.issuedAt) }) : '' }),
            ' ',
            el('button', { type: 'button', class: 'small secondary', text: t('console.pp_reissue'), on: { click: () => reissue(p) } }),
        ])));
    }

    async function reissue(participant) {
        try {
            const link = await post(`/api/participants/${participant.id}/return-link`);
            replace(byId('pp-link'),
                el('p', { text: t('console.pp_link_for', { name: link.participant.name }) }),
                drawQR(link.qr, t('return.qr_label')),
                el('input', { readOnly: true, value: link.url, attrs: { 'aria-label': t('return.url_label') } }));
            show(byId('pp-link'), true);
            await refresh();
        } catch (error) { toast(errorMessage(error)); }
    }

    function renderPeople() {
        // Filled by the people view (offers by kind, goal and proposal; organisations; reachable people).
        const people = state.people;
        onOwners(people.reachable.concat(people.offerers ?? []).map((p) => ({ id: p.participantId, name: p.name })));
        renderPeopleView(people, state);
    }

    return {
        async open(workshop) {
            state.workshop = workshop;
            show(byId('pp-link'), false);
            try { await refresh(); } catch (error) { setText(byId('pp-error'), errorMessage(error)); }
        },
        onOffers(summary) { state.summary = summary; if (state.workshop) refresh().catch(() => {}); },
        refresh,
    };
}

/** The people view proper; replaced by the full version with piece 5. */
function renderPeopleView() {}

export { offerLineText, localized, formatNumber };
