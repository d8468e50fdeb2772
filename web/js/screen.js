// Projector (/screen/{code}): join code and QR, countdown, a live wall of ideas while collecting,
// live support bars (or the ballot count when tallies are hidden) while voting, results when closed.
import { el, byId, setText, show, replace, reconcile } from './dom.js';
import { get, workshopPath, errorMessage } from './api.js';
import { t, personName, tp, has, lang, localized, formatNumber, formatPercent, onLanguageChange } from './i18n.js';
import { connectEvents } from './sse.js';
import { clusterGroups } from './cluster-groups.js';
import { countdown } from './countdown.js';
import { barChart } from './charts.js';
import { renderRanking, renderShortlist, goalName } from './ranking.js';
import { start, codeFromLocation } from './page.js';
import { mountOfferCount } from './offers-summary.js';
import { presenter } from './presenter.js';
import { startReveal, stopReveal, isRevealing } from './reveal.js';

// The projector is a public screen, even when opened from the console with a facilitator's cookie:
// every request asks to be served as the public (Viewer+Audience on the server).
const PUBLIC = '?audience=public';
const state = { code: null, workshop: null, proposals: new Map(), tallies: {}, ballots: 0, comparisons: 0, ranking: null };
const wallCards = new Map();
let clock = null;
let clusters = null;

start(async () => {
    state.code = codeFromLocation();
    if (!state.code) { fatal(t('error.not_found')); return; }
    clock = countdown(byId('s-countdown'));
    try { await loadAll(); } catch (error) { fatal(errorMessage(error)); return; }
    const offerCount = mountOfferCount(state.code, byId('s-offers'));
    clusters = clusterGroups(state.code, () => { if (state.workshop.phase === 'collecting') renderWall(); }, { query: PUBLIC });
    connectEvents(state.code, {
        offers: offerCount,
        workshop: async (w) => {
            const changed = w.phase !== state.workshop.phase;
            state.workshop = w;
            state.ballots = w.counts?.ballots ?? state.ballots;
            if (changed && w.phase !== 'closed') stopReveal();
            if (changed) await loadPhaseData();
            render();
        },
        proposal: (p) => {
            state.proposals.set(p.id, p);
            if (p.tally) state.tallies[String(p.id)] = p.tally;
            renderStage();
        },
        merge: (m) => announceMerge(m),
        clusters: (data) => clusters.set(data),
        tally: (tally) => {
            if (typeof tally.ballots === 'number') state.ballots = tally.ballots;
            if (typeof tally.comparisons === 'number') state.comparisons = tally.comparisons;
            // Joins are announced by a tally: the room watches the count of people grow.
            if (typeof tally.participants === 'number' && state.workshop.counts) state.workshop.counts.participants = tally.participants;
            if (tally.tallies) state.tallies = tally.tallies;
            renderStage();
        },
    }, { query: PUBLIC, statusNode: byId('conn'), onResync: () => loadAll().catch((e) => fatal(errorMessage(e))) });
    const controls = await presenter({ code: state.code, workshop: () => state.workshop, onReveal: reveal });
    onLanguageChange(() => { controls?.relabel(); render(); });
});

/** The presenter's results reveal: the ranking from last to first, whatever the phase event's timing. */
async function reveal() {
    state.ranking = await get(workshopPath(state.code, `/ranking${PUBLIC}&view=compact&lang=${lang()}`)).catch((error) => ({ error }));
    if (state.ranking.error) { fatal(errorMessage(state.ranking.error)); return; }
    for (const phase of ['draft', 'collecting', 'voting', 'closed']) show(byId(`stage-${phase}`), phase === 'closed');
    startReveal(byId('s-results'), state.ranking, state.workshop.goals);
}

function fatal(message) {
    setText(byId('fatal'), message);
    show(byId('fatal'), true);
}

async function loadAll() {
    const [workshop, list] = await Promise.all([get(workshopPath(state.code)), get(workshopPath(state.code, `/proposals${PUBLIC}`))]);
    state.workshop = workshop;
    state.ballots = workshop.counts?.ballots ?? 0;
    state.proposals = new Map(list.proposals.map((p) => [p.id, p]));
    state.tallies = {};
    for (const p of list.proposals) if (p.tally) state.tallies[String(p.id)] = p.tally;
    await loadPhaseData();
    render();
}

async function loadPhaseData() {
    if (state.workshop.phase === 'closed') {
        state.ranking = await get(workshopPath(state.code, `/ranking${PUBLIC}&view=compact&lang=${lang()}`)).catch((error) => ({ error }));
    }
}

function render() {
    const w = state.workshop;
    setText(byId('s-theme'), has(`theme.${w.theme}`) ? t(`theme.${w.theme}`) : w.theme);
    setText(byId('s-title'), localized(w.title));
    document.title = `${localized(w.title)} — Officina`;
    const badge = byId('s-phase');
    badge.dataset.phase = w.phase;
    setText(badge, t(`phase.${w.phase}`));
    clock.set(w.phase === 'collecting' || w.phase === 'voting' ? w.deadline : null);
    const qr = byId('qr');
    const src = workshopPath(w.code, '/qr.svg');
    if (qr.getAttribute('src') !== src) qr.src = src;
    qr.alt = t('screen.qr_alt', { code: w.code });
    const url = w.joinUrl || `${location.origin}/w/${w.code}`;
    setText(byId('s-url'), url.replace(/^https?:\/\//, ''));
    setText(byId('s-code'), w.code);
    replace(byId('s-goals'), ...w.goals.map((g) => el('li', {}, [el('strong', { text: goalName(g) }), el('span', { text: localized(g.label) })])));
    for (const phase of ['draft', 'collecting', 'voting', 'closed']) show(byId(`stage-${phase}`), w.phase === phase);
    renderStage();
}

function visible() {
    return [...state.proposals.values()].filter((p) => p.status === 'visible');
}

function renderStage() {
    const w = state.workshop;
    setText(byId('s-people'), tp('count.participants', w.counts?.participants ?? 0));
    if (w.phase === 'collecting') renderWall();
    if (w.phase === 'voting') renderVoting();
    if (w.phase === 'closed') renderResults();
}

function renderWall() {
    const list = visible().sort((a, b) => b.id - a.id);
    const nodes = list.map((p) => {
        let card = wallCards.get(p.id);
        if (!card) {
            card = { node: el('li', { class: 'idea', dataset: { id: String(p.id) } }), title: el('p', { class: 'idea-title' }), meta: el('p', { class: 'idea-meta' }) };
            card.node.append(card.title, card.meta);
            wallCards.set(p.id, card);
        }
        setText(card.title, p.title);
        const parts = [];
        if (p.author) parts.push(personName(p.author.name));
        if (p.buildOns.length) parts.push(tp('buildon.count', p.buildOns.length));
        setText(card.meta, parts.join(' · '));
        return card.node;
    });
    for (const [id, card] of wallCards) if (!list.some((p) => p.id === id)) { wallCards.delete(id); card.node.remove(); }
    reconcile(byId('wall'), clusters?.arrange(list, nodes) ?? nodes);
    setText(byId('s-count'), formatNumber(list.length));
    show(byId('wall-empty'), list.length === 0);
}

function renderVoting() {
    const s = state.workshop.settings;
    const live = s.showLiveTallies;
    show(byId('chart-box'), live);
    // A pairwise room's progress is its comparisons so far (tally events carry the count).
    const pairwise = s.votingMethod === 'pairwise';
    const count = pairwise ? state.comparisons : state.ballots;
    setText(byId('ballot-count'), formatNumber(count));
    byId('ballot-count').dataset.count = String(count);
    setText(byId('ballot-label'), tp(pairwise ? 'screen.comparisons' : 'screen.ballots', count));
    byId('ballots-box').classList.toggle('small', live);
    if (!live) return;
    const dots = s.votingMethod === 'dots';
    const items = visible().map((p) => {
        const tally = state.tallies[String(p.id)] ?? { support: 0, supporters: 0 };
        const value = dots ? tally.support : tally.supporters;
        return { key: String(p.id), label: p.title, value,
            valueText: dots ? tp('count.dots', tally.support) : tp('count.supporters', tally.supporters) };
    }).sort((a, b) => b.value - a.value || Number(a.key) - Number(b.key)).slice(0, 12);
    replace(byId('chart-box'), barChart(items, { title: t('screen.chart_title'), labelChars: 60, rowHeight: 80 }));
}

function renderResults() {
    if (isRevealing()) return;
    const box = byId('s-results');
    const ranking = state.ranking;
    if (!ranking) { replace(box); return; }
    if (ranking.error) { replace(box, el('p', { class: 'error', text: errorMessage(ranking.error) })); return; }
    if (!ranking.entries.length) { replace(box, el('p', { class: 'big muted', text: t('ranking.empty') })); return; }
    replace(box,
        el('div', { class: 'results-main' }, [renderRanking(ranking, state.workshop.goals, { limit: 6, large: true })]),
        el('div', { class: 'results-side' }, [renderShortlist(ranking, state.workshop.goals),
            el('p', { class: 'muted', text: t('screen.turnout', {
                ballots: tp('count.ballots', ranking.counts?.ballots ?? 0),
                share: formatPercent((ranking.counts?.ballots ?? 0) / Math.max(1, ranking.counts?.participants ?? 0)) }) })]));
}

let toastTimer = null;
function announceMerge(merge) {
    const from = state.proposals.get(merge.from);
    const into = state.proposals.get(merge.into);
    if (!from || !into) return;
    const box = byId('merge-toast');
    // A merged proposal's text is not public (Viewer+Audience on the server): name it by number then.
    const name = (p) => p.title || `#${p.id}`;
    setText(box, merge.undone ? t('merge.undone', { from: name(from) }) : t('merge.happened', { from: name(from), into: name(into) }));
    box.classList.add('on');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => box.classList.remove('on'), 6000);
    const card = wallCards.get(merge.into);
    if (card && !merge.undone) {
        card.node.classList.add('merged-into');
        setTimeout(() => card.node.classList.remove('merged-into'), 3000);
    }
}
