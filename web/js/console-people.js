// The console's "People and partners" panel: who offered what (by kind, goal and proposal), the
// organisations, who may be contacted, contact exports (each recorded), and every participant with a
// button to reissue their personal return link when they lost their phone.
import { el, byId, setText, show, replace, toast } from './dom.js';
import { get, post, postAndSave, workshopPath, errorMessage } from './api.js';
import { t, personName, localized, formatNumber, formatDateTime, onLanguageChange } from './i18n.js';
import { drawQR } from './qr-draw.js';
import { offerLineText, watchOfferLines } from './offers-summary.js';

/** Wires the panel once; returns `{open(workshop), refresh()}`. */
export function mountPeople({ onOwners = () => {} } = {}) {
    const state = { workshop: null, people: null, participants: [], summary: null, kinds: null };
    const decorateRanking = watchOfferLines(byId('console-ranking'), () => state);
    byId('pp-scope').addEventListener('change', () => { if (state.workshop) refresh().catch((error) => setText(byId('pp-error'), errorMessage(error))); });
    // Switched in place to the other language, the panel speaks it at once (no text keeps the old one).
    onLanguageChange(() => { if (state.workshop) render(); });

    async function refresh() {
        const code = state.workshop.code;
        const [participants, offers] = await Promise.all([
            get(workshopPath(code, '/participants')),
            get(workshopPath(code, '/offers')),
        ]);
        state.participants = participants.participants;
        state.summary = offers.summary;
        state.kinds = offers.kinds;
        const wholeProgramme = byId('pp-scope').value === 'programme';
        state.wholeProgramme = wholeProgramme;
        const [people, log] = await Promise.all([
            get(wholeProgramme ? `/api/programmes/${state.workshop.programmeId}/people` : workshopPath(code, '/people')),
            get(`/api/programmes/${state.workshop.programmeId}/contact-exports`),
        ]);
        state.people = people;
        state.exports = log.exports;
        render();
    }

    function render() {
        decorateRanking();
        renderParticipants();
        if (state.people) renderPeople();
    }

    function renderParticipants() {
        replace(byId('pp-participants'), ...state.participants.map((p) => el('li', { dataset: { id: String(p.id) } }, [
            el('span', { text: personName(p.name) }), ' ',
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
        const people = state.people;
        // Owners of this workshop's actions are people who offered help in this workshop.
        if (!state.wholeProgramme) onOwners(people.offerers.map((p) => ({ id: p.participantId, name: p.name })));
        replace(byId('pp-view'), ...renderPeopleView(people, state, () => refresh().catch((error) => setText(byId('pp-error'), errorMessage(error)))));
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

const count = (n) => formatNumber(n);

/** The people view: totals, offers by kind, goal and proposal, organisations, reachable people, exports. */
function renderPeopleView(people, state, onExport) {
    const kinds = state.kinds || [];
    const label = (key) => localized(kinds.find((k) => k.key === key)?.label) || key;
    const programme = state.workshop.programmeId;
    const code = state.workshop.code;
    // A button, not a link: every export is written to the log, so it is a POST (which the server
    // accepts only from this origin) and the answer is saved from here.
    const exportButton = (format, scope) => el('button', {
        type: 'button', class: 'secondary', text: t(`console.pp_export_${format}_${scope}`), dataset: { format, scope },
        on: { click: (event) => exportContacts(event.currentTarget, format, scope) },
    });
    async function exportContacts(button, format, scope) {
        button.disabled = true;
        setText(byId('pp-error'), '');
        try {
            const file = await postAndSave(`/api/programmes/${programme}/contacts`, { format, workshop: scope === 'workshop' ? code : null });
            toast(t('console.pp_export_saved', { file }));
            onExport();
        } catch (error) {
            setText(byId('pp-error'), errorMessage(error));
        } finally {
            button.disabled = false;
        }
    }
    const list = (items) => (items.length ? el('ul', { class: 'plain-list' }, items) : el('p', { class: 'muted small', text: t('console.pp_none') }));
    return [
        el('p', { id: 'pp-totals', text: t('console.pp_totals', {
            offers: count(people.totals.offers), people: count(people.totals.people), reachable: count(people.totals.reachable),
            organisations: count(people.totals.organisations) }) }),
        el('div', { class: 'pp-grid' }, [
            el('section', {}, [el('h3', { text: t('console.pp_by_kind') }),
                list(people.byKind.filter((k) => k.count).map((k) => el('li', { text: `${localized(k.label)}: ${count(k.count)}` })))]),
            el('section', {}, [el('h3', { text: t('console.pp_by_goal') }),
                list(people.byGoal.map((g) => el('li', { text: `${localized(g.label)}: ${count(g.count)}` })))]),
        ]),
        el('h3', { text: t('console.pp_by_proposal') }),
        list(people.byProposal.map((p) => el('li', { dataset: { id: String(p.id) } }, [
            el('strong', { text: p.title }), ' — ', offerLineText({ count: p.count, kinds: p.kinds }, kinds)]))),
        el('h3', { text: t('console.pp_organisations') }),
        list(people.organisations.map((o) => el('li', { text: `${o.name} — ${offerLineText({ count: o.offers, kinds: o.kinds }, kinds)}` }))),
        el('h3', { text: t('console.pp_reachable') }),
        people.reachable.length ? el('table', { id: 'pp-reachable', class: 'small' }, [
            el('thead', {}, el('tr', {}, [t('console.pp_name'), t('console.pp_org'), t('console.pp_contact'), t('console.pp_kinds')].map((h) => el('th', { text: h })))),
            el('tbody', {}, people.reachable.map((r) => el('tr', {}, [
                el('td', { text: personName(r.name) }), el('td', { text: r.organisation }), el('td', { text: r.contact.value }),
                el('td', { text: r.kinds.map(label).join(', ') })]))),
        ]) : el('p', { class: 'muted small', text: t('console.pp_none') }),
        el('p', { class: 'small muted', text: t('console.pp_export_help') }),
        el('div', { class: 'exports' }, [exportButton('csv', 'workshop'), exportButton('vcard', 'workshop'), exportButton('csv', 'programme'), exportButton('vcard', 'programme')]),
        el('h3', { text: t('console.pp_export_log') }),
        list((state.exports || []).map((x) => el('li', { text: t('console.pp_export_entry', {
            when: formatDateTime(x.at), by: x.by, format: x.format, n: count(x.contacts), scope: x.workshop || t('console.pp_whole_programme') }) }))),
    ];
}
