// Participant page (/w/{code}), mobile-first: post and build on ideas while collecting, support and
// rate while voting (saved as one ballot, debounced), the published ranking when closed; live via SSE.
import { el, byId, setText, show, replace, reconcile, debounce, bindCounter, toast } from './dom.js';
import { get, post, put, workshopPath, errorMessage } from './api.js';
import { t, personName, tp, has, lang, localized, formatNumber, formatTime, onLanguageChange } from './i18n.js';
import { connectEvents } from './sse.js';
import { countdown } from './countdown.js';
import { renderRanking, renderShortlist, settledNote, goalName } from './ranking.js';
import { start, codeFromLocation } from './page.js';
import { exposureFrom, inServerOrder, withGroupHeadings } from './exposure.js';
import { clusterGroups } from './cluster-groups.js';
import { ownIdeaBox, renderOwnNotes } from './own-ideas.js';
import { applyTimeUp, timeIsUp } from './time-up.js';
import { initOffers } from './offers.js';
import { initFollowUp } from './participant-followup.js';
import { initReturnLink } from './return-link.js';
import { initMyData } from './my-data.js';
import { initPairwise } from './pairwise.js';

const TITLE_MAX = 120;
const BODY_MAX = 2000;
const BUILDON_MAX = 500;

const state = {
    code: null,
    me: null,
    workshop: null,
    proposals: new Map(),
    tallies: {},
    ballot: { support: {}, ratings: {} },
    ballotLoaded: false,
    ranking: null,
    renderedPhase: null,
    exposure: exposureFrom({}),
};
const groupHeadings = {};
const cards = new Map();
let clock = null;
let offers = null;
let followUp = null;
let clusters = null;
let pairs = null;

start(async () => {
    state.code = codeFromLocation();
    if (!state.code) { location.replace('/'); return; }
    const me = await get(`/api/me?code=${encodeURIComponent(state.code)}`).catch(() => null);
    if (!me || !me.participant) { location.replace(`/?code=${encodeURIComponent(state.code)}`); return; }
    state.me = me.participant;
    clock = countdown(byId('countdown'));
    wireProposalForm();
    wireDescription();
    try {
        await loadAll();
    } catch (error) {
        showFatal(error);
        return;
    }
    offers = initOffers({ code: state.code, phase: () => state.workshop.phase, proposals: visibleProposals });
    offers.reload().catch(() => {});
    followUp = initFollowUp({ code: state.code, workshop: () => state.workshop });
    followUp.reload().catch(() => {});
    initReturnLink({ code: state.code });
    initMyData({ code: state.code });
    clusters = clusterGroups(state.code, () => renderList());
    connectEvents(state.code, {
        workshop: onWorkshop,
        proposal: onProposal,
        merge: onMerge,
        tally: onTally,
        offers: (summary) => offers.onSummary(summary),
        actions: (data) => followUp.onActions(data),
        clusters: (data) => clusters.set(data),
    }, { statusNode: byId('conn'), onResync: () => {
        clusters.reload().catch(() => {});
        loadAll().catch(showFatal);
        offers.reload().catch(() => {});
        followUp.reload().catch(() => {});
    } });
    onLanguageChange(() => {
        state.renderedPhase = null;
        renderAll();
        // The save state keeps its meaning across a language switch (an error keeps the server's words).
        const saved = byId('save-state').dataset.state;
        if (saved && saved !== 'error') saveState(saved);
    });
});

// A long workshop description is clamped to three lines on the page, with a toggle to read it all.
function wireDescription() {
    const desc = byId('w-desc');
    const more = byId('w-desc-more');
    more.addEventListener('click', () => {
        const open = desc.classList.toggle('clamp') === false;
        more.setAttribute('aria-expanded', String(open));
        setText(more, t(open ? 'participant.less' : 'participant.more'));
    });
    const measure = () => {
        if (!desc.classList.contains('clamp')) return;
        show(more, desc.scrollHeight > desc.clientHeight + 1);
    };
    window.addEventListener('resize', measure);
    onLanguageChange(() => {
        setText(more, t(desc.classList.contains('clamp') ? 'participant.more' : 'participant.less'));
        requestAnimationFrame(measure);
    });
    wireDescription.measure = measure;
}

function showFatal(error) {
    if (error?.code === 'not_participant') { location.replace(`/?code=${encodeURIComponent(state.code)}`); return; }
    const box = byId('fatal');
    setText(box, errorMessage(error));
    show(box, true);
}

async function loadAll() {
    const [workshop, list] = await Promise.all([
        get(workshopPath(state.code)),
        get(workshopPath(state.code, '/proposals')),
    ]);
    state.workshop = workshop;
    state.proposals = new Map(list.proposals.map((p) => [p.id, p]));
    state.exposure = exposureFrom(list);
    state.tallies = {};
    await loadPhaseData();
    state.renderedPhase = null;
    renderAll();
}

async function loadPhaseData() {
    const phase = state.workshop.phase;
    if (phase === 'voting' || phase === 'closed') await loadBallot();
    if (phase === 'closed') {
        state.ranking = await get(workshopPath(state.code, `/ranking?view=compact&lang=${lang()}`)).catch((error) => ({ error }));
    }
}

async function loadBallot() {
    const ballot = await get(workshopPath(state.code, '/ballot'));
    state.ballot = { support: { ...(ballot.support || {}) }, ratings: structuredClone(ballot.ratings || {}) };
    state.ballotLoaded = true;
    return ballot;
}

// ---- live events ----

async function onWorkshop(workshop) {
    const phaseChanged = workshop.phase !== state.workshop.phase;
    // New voting settings (method, ratings, self-support) mean the cards' controls are rebuilt.
    if (JSON.stringify(workshop.settings) !== JSON.stringify(state.workshop.settings)) state.renderedPhase = null;
    state.workshop = workshop;
    if (phaseChanged) {
        try {
            await loadPhaseData();
            // The server's order depends on the phase (balanced while voting).
            state.exposure = exposureFrom(await get(workshopPath(state.code, '/proposals')));
        } catch (error) { showFatal(error); }
        toast(t('participant.phase_now', { phase: t(`phase.${workshop.phase}`) }));
    }
    renderAll();
}

function onProposal(proposal) {
    const known = state.proposals.get(proposal.id);
    // Keep our own view of `mine`: events are broadcast and do not know who we are.
    if (known) proposal.mine = known.mine;
    else proposal.mine = proposal.author?.id === state.me.id;
    // Events carry a hidden idea without its text; its author re-reads it (with the reason) instead.
    if (proposal.mine && proposal.status === 'hidden') { refreshProposals(); return; }
    state.proposals.set(proposal.id, proposal);
    renderList();
}

async function refreshProposals() {
    try {
        const list = await get(workshopPath(state.code, '/proposals'));
        state.proposals = new Map(list.proposals.map((p) => [p.id, p]));
        renderList();
    } catch (error) { showFatal(error); }
}

async function onMerge(merge) {
    const from = state.proposals.get(merge.from);
    const into = state.proposals.get(merge.into);
    if (from && into && !merge.undone) toast(t('merge.happened', { from: from.title, into: into.title }));
    if (state.workshop.phase === 'voting') {
        const ballot = await loadBallot().catch(() => null);
        // The server says when a merge changed what this ballot counts for (docs/rules.md, "Merges").
        for (const notice of ballot?.notices || []) {
            const title = (id) => state.proposals.get(id)?.title ?? `#${id}`;
            const params = { from: title(notice.proposal), into: title(notice.into ?? notice.proposal), dots: notice.dots, counted: notice.counted };
            if (notice.code === 'own_proposal' || notice.code === 'capped') toast(t(`merge.${notice.code}`, params));
        }
        renderVoting();
    }
}

function onTally(tally) {
    if (tally.tallies) state.tallies = tally.tallies;
    if (typeof tally.ballots === 'number' && state.workshop.counts) state.workshop.counts.ballots = tally.ballots;
    for (const card of cards.values()) card.updateTally();
}

// ---- rendering ----

function renderAll() {
    const w = state.workshop;
    setText(byId('w-theme'), has(`theme.${w.theme}`) ? t(`theme.${w.theme}`) : w.theme);
    setText(byId('w-title'), localized(w.title));
    setText(byId('w-desc'), localized(w.description));
    requestAnimationFrame(() => wireDescription.measure?.());
    document.title = `${localized(w.title)} — Officina`;
    const badge = byId('phase-badge');
    badge.dataset.phase = w.phase;
    setText(badge, t(`phase.${w.phase}`));
    clock.set(w.phase === 'collecting' || w.phase === 'voting' ? w.deadline : null);
    setText(byId('who'), t('participant.you_are', { name: state.me.name }));
    replace(byId('goal-list'), ...w.goals.map((g) => el('li', {}, [
        el('strong', { text: goalName(g) }), el('span', { text: ` — ${localized(g.label)}` }),
    ])));
    renderGoalChoices();
    if (state.renderedPhase !== w.phase) byId('goals-box').open = w.phase === 'draft' || w.phase === 'collecting';
    for (const phase of ['draft', 'collecting', 'voting', 'closed']) show(byId(`phase-${phase}`), w.phase === phase);
    // A pairwise workshop votes on two ideas at a time (pairwise.js) instead of the list and ballot.
    const pairwise = w.settings?.votingMethod === 'pairwise' && w.phase === 'voting';
    show(byId('proposals-section'), w.phase !== 'draft' && w.phase !== 'closed' && !pairwise);
    show(byId('ballot-bar'), w.phase === 'voting' && !pairwise);
    if (w.phase === 'closed') renderResults();
    if (state.renderedPhase !== w.phase) {
        for (const card of cards.values()) card.node.remove();
        cards.clear();
        state.renderedPhase = w.phase;
    }
    renderList();
    renderVoting();
    pairs ??= initPairwise(byId('phase-voting'), state.code);
    pairs.render(w);
    applyTimeUp(w, () => renderAll());
    offers?.render();
    followUp?.render();
}

function renderGoalChoices() {
    const box = byId('p-goals');
    const checked = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
    replace(box, ...state.workshop.goals.map((g) => el('label', { class: 'check' }, [
        el('input', { type: 'checkbox', name: 'goals', value: g.key, checked: checked.has(g.key) }),
        el('span', { text: goalName(g) }),
    ])));
}

function visibleProposals() {
    // The server decides the order (shuffled or balanced); the page only keeps it.
    return inServerOrder([...state.proposals.values()].filter((p) => p.status === 'visible'), state.exposure);
}

function renderList() {
    const list = visibleProposals();
    const nodes = list.map((p) => {
        let card = cards.get(p.id);
        if (!card) { card = new Card(p.id); cards.set(p.id, card); }
        card.update(state.proposals.get(p.id));
        return card.node;
    });
    for (const [id, card] of cards) if (!list.some((p) => p.id === id)) { cards.delete(id); card.node.remove(); }
    reconcile(byId('proposals'), clusters?.arrange(list, nodes) ?? withGroupHeadings(list, nodes, state.exposure, groupHeadings));
    setText(byId('list-count'), formatNumber(list.length));
    show(byId('list-empty'), list.length === 0);
    renderOwnNotes(byId('own-notes'), [...state.proposals.values()]);
    if (timeIsUp(state.workshop)) applyTimeUp(state.workshop);
}

function renderResults() {
    const box = byId('results');
    const ranking = state.ranking;
    if (!ranking) { replace(box); return; }
    if (ranking.error) { replace(box, el('p', { class: 'error', text: errorMessage(ranking.error) })); return; }
    if (!ranking.entries.length) { replace(box, el('p', { class: 'muted', text: t('ranking.empty') })); return; }
    replace(box,
        el('p', { class: 'muted', text: tp('ranking.counts', ranking.counts?.ballots ?? 0, { proposals: formatNumber(ranking.counts?.proposals ?? 0) }) }),
        settledNote(ranking),
        renderRanking(ranking, state.workshop.goals),
        renderShortlist(ranking, state.workshop.goals));
}

// ---- posting ----

function wireProposalForm() {
    const form = byId('proposal-form');
    const title = byId('p-title');
    const body = byId('p-body');
    const counterText = (n, max) => t('form.counter', { n: formatNumber(n), max: formatNumber(max) });
    const updateTitle = bindCounter(title, byId('p-title-count'), TITLE_MAX, counterText);
    const updateBody = bindCounter(body, byId('p-body-count'), BODY_MAX, counterText);
    onLanguageChange(() => { updateTitle(); updateBody(); });
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const errorBox = byId('proposal-error');
        setText(errorBox, '');
        const payload = {
            title: title.value.trim(),
            body: body.value.trim(),
            goals: [...form.querySelectorAll('input[name=goals]:checked')].map((i) => i.value),
        };
        if (!payload.title) { setText(errorBox, t('proposal.need_title')); title.focus(); return; }
        if ([...payload.title].length > TITLE_MAX) { setText(errorBox, t('error.title_length')); title.focus(); return; }
        if ([...payload.body].length > BODY_MAX) { setText(errorBox, t('error.body_length')); body.focus(); return; }
        const button = byId('proposal-submit');
        button.disabled = true;
        try {
            const created = await post(workshopPath(state.code, '/proposals'), payload);
            created.mine = true;
            state.proposals.set(created.id, created);
            form.reset();
            updateTitle(); updateBody();
            renderList();
            toast(t('proposal.posted'));
        } catch (error) {
            setText(errorBox, errorMessage(error));
            if (error.field === 'title') title.focus();
            else if (error.field === 'body') body.focus();
        } finally {
            button.disabled = false;
        }
    });
}

// ---- ballot ----

const saveState = (key, detail = '') => {
    const node = byId('save-state');
    node.dataset.state = key;
    setText(node, detail || t(`vote.${key}`));
};

let saveSeq = 0;
const saveBallot = debounce(async () => {
    const seq = ++saveSeq;
    const visible = new Set(visibleProposals().map((p) => String(p.id)));
    const support = Object.fromEntries(Object.entries(state.ballot.support).filter(([id, n]) => n > 0 && visible.has(id)));
    const ratings = Object.fromEntries(Object.entries(state.ballot.ratings).filter(([id, r]) => visible.has(id) && Object.keys(r).length));
    saveState('saving');
    try {
        await put(workshopPath(state.code, '/ballot'), { support, ratings });
        if (seq === saveSeq && !saveBallot.pending()) saveState('saved');
    } catch (error) {
        if (seq !== saveSeq) return;
        saveState('error', t('vote.not_saved', { reason: errorMessage(error) }));
        // The server's ballot is the truth after a refusal (e.g. a full budget): show it again.
        try { await loadBallot(); } catch { /* keep the local one; the message says it is not saved */ }
        renderVoting();
    }
}, 500);

function changeBallot(mutate) {
    mutate(state.ballot);
    renderVoting();
    saveState('pending');
    saveBallot();
}

function spent() {
    return Object.values(state.ballot.support).reduce((sum, n) => sum + (n > 0 ? n : 0), 0);
}

function renderVoting() {
    if (state.workshop.phase !== 'voting' || state.workshop.settings.votingMethod === 'pairwise') return;
    const s = state.workshop.settings;
    const budgetNode = byId('budget');
    if (s.votingMethod === 'dots') {
        const left = Math.max(0, s.dotBudget - spent());
        budgetNode.dataset.left = String(left);
        setText(budgetNode, t('vote.dots_left', { left: formatNumber(left), budget: formatNumber(s.dotBudget) }));
        setText(byId('vote-help'), t('vote.help_dots', { budget: formatNumber(s.dotBudget), cap: formatNumber(s.perProposalCap) })
            + (s.ratingsEnabled ? ` ${t('vote.help_ratings')}` : ''));
    } else {
        setText(budgetNode, tp('vote.approved', spent()));
        setText(byId('vote-help'), t('vote.help_approval') + (s.ratingsEnabled ? ` ${t('vote.help_ratings')}` : ''));
    }
    if (!byId('save-state').dataset.state) saveState('idle');
    for (const card of cards.values()) card.updateVote();
}

// ---- one proposal card ----

class Card {
    constructor(id) {
        this.id = id;
        this.titleId = `p-${id}-title`;
        this.node = el('li', { class: 'card', id: `p-${id}` });
        this.title = el('h3', { id: this.titleId, class: 'card-title' });
        this.meta = el('p', { class: 'meta muted' });
        this.body = el('p', { class: 'card-body' });
        this.tags = el('ul', { class: 'tags', attrs: { 'aria-label': t('proposal.serves') } });
        this.tally = el('p', { class: 'tally', hidden: true });
        this.vote = el('div', { class: 'vote-box' });
        this.buildOnList = el('ul', { class: 'buildons' });
        this.buildOnSummary = el('summary');
        this.buildOnBox = el('details', { class: 'buildon-box' }, [this.buildOnSummary, this.buildOnList]);
        this.node.append(el('article', { attrs: { 'aria-labelledby': this.titleId } }, [
            this.title, this.meta, this.body, this.tags, this.tally, this.vote, this.buildOnBox,
        ]));
        this.voteBuilt = false;
        this.own = ownIdeaBox(id, (updated) => { state.proposals.set(updated.id, updated); renderList(); });
        this.node.firstElementChild.insertBefore(this.own.node, this.tags);
        if (state.workshop.phase === 'collecting') this.buildOnBox.append(this.buildOnForm());
    }

    update(p) {
        this.p = p;
        setText(this.title, p.title);
        const author = p.author ? personName(p.author.name) : t('proposal.anonymous');
        setText(this.meta, `${p.mine ? t('proposal.yours') : t('proposal.by', { name: author })} · ${formatTime(p.createdAt)}`);
        setText(this.body, p.body);
        show(this.body, Boolean(p.body));
        const goals = state.workshop.goals.filter((g) => p.goals.includes(g.key));
        replace(this.tags, ...goals.map((g) => el('li', { class: 'tag', text: goalName(g) })));
        show(this.tags, goals.length > 0);
        setText(this.buildOnSummary, tp('buildon.count', p.buildOns.length));
        replace(this.buildOnList, ...p.buildOns.map((b) => el('li', {}, [
            el('span', { class: 'buildon-author', text: b.author ? personName(b.author.name) : t('proposal.anonymous') }),
            el('span', { text: ` ${b.text}` }),
        ])));
        show(this.buildOnBox, state.workshop.phase === 'collecting' || p.buildOns.length > 0);
        this.own.update(p, state.workshop.phase === 'collecting' && !timeIsUp(state.workshop));
        this.updateTally();
        this.updateVote();
    }

    updateTally() {
        const tally = state.tallies[String(this.id)] ?? this.p?.tally;
        const visible = Boolean(tally) && state.workshop.phase === 'voting' && state.workshop.settings.showLiveTallies;
        show(this.tally, visible);
        if (visible) {
            setText(this.tally, state.workshop.settings.votingMethod === 'dots'
                ? t('tally.dots', { dots: tp('count.dots', tally.support), people: tp('count.supporters', tally.supporters) })
                : t('tally.approval', { people: tp('count.supporters', tally.supporters) }));
        }
    }

    buildOnForm() {
        const area = el('textarea', { id: `bo-${this.id}`, rows: 2, attrs: { 'aria-describedby': `bo-${this.id}-count` } });
        const counter = el('span', { class: 'counter', id: `bo-${this.id}-count` });
        const error = el('p', { class: 'error', attrs: { role: 'alert' } });
        const button = el('button', { type: 'submit', class: 'secondary', text: t('buildon.submit') });
        bindCounter(area, counter, BUILDON_MAX, (n, max) => t('form.counter', { n: formatNumber(n), max: formatNumber(max) }));
        const form = el('form', { class: 'buildon-form', noValidate: true }, [
            el('div', { class: 'label-row' }, [el('label', { htmlFor: area.id, text: t('buildon.label') }), counter]),
            area, error, button,
        ]);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            setText(error, '');
            const text = area.value.trim();
            if (!text) { setText(error, t('buildon.need_text')); area.focus(); return; }
            if ([...text].length > BUILDON_MAX) { setText(error, t('error.text_length')); area.focus(); return; }
            button.disabled = true;
            try {
                const created = await post(`/api/proposals/${this.id}/buildons`, { text });
                const p = state.proposals.get(this.id);
                if (p && !p.buildOns.some((b) => b.id === created.id)) p.buildOns.push(created);
                area.value = '';
                area.dispatchEvent(new Event('input'));
                this.update(state.proposals.get(this.id));
            } catch (error_) {
                setText(error, errorMessage(error_));
            } finally {
                button.disabled = false;
            }
        });
        return form;
    }

    updateVote() {
        if (state.workshop.phase !== 'voting' || !state.ballotLoaded) { show(this.vote, false); return; }
        show(this.vote, true);
        if (!this.voteBuilt) this.buildVote();
        const s = state.workshop.settings;
        const mine = this.p.mine && !s.allowSelfSupport;
        const count = state.ballot.support[String(this.id)] ?? 0;
        if (this.supportOwn) show(this.supportOwn, mine);
        if (this.support) show(this.support, !mine);
        // The rules refuse support and ratings of one's own idea unless self-support is allowed.
        if (this.ratings) show(this.ratings, !mine);
        if (s.votingMethod === 'dots' && this.dotCount) {
            setText(this.dotCount, formatNumber(count));
            this.dotCount.dataset.count = String(count);
            const left = s.dotBudget - spent();
            this.plus.disabled = count >= s.perProposalCap || left <= 0;
            this.minus.disabled = count <= 0;
            setText(this.dotLimit, count >= s.perProposalCap ? t('vote.at_cap', { cap: formatNumber(s.perProposalCap) })
                : (left <= 0 ? t('vote.budget_spent') : ''));
        } else if (this.toggle) {
            this.toggle.setAttribute('aria-pressed', String(count > 0));
            setText(this.toggle, count > 0 ? t('vote.supported') : t('vote.support'));
        }
        if (s.ratingsEnabled) {
            const ratings = state.ballot.ratings[String(this.id)] || {};
            for (const input of this.ratings.querySelectorAll('input[type=radio]')) {
                const value = ratings[input.dataset.goal];
                input.checked = input.value === '' ? value === undefined : Number(input.value) === value;
            }
        }
    }

    buildVote() {
        this.voteBuilt = true;
        const s = state.workshop.settings;
        const id = String(this.id);
        const name = () => this.p.title;
        this.supportOwn = el('p', { class: 'muted', text: t('vote.own') });
        if (s.votingMethod === 'dots') {
            this.minus = el('button', { type: 'button', class: 'round', text: '−',
                attrs: { 'aria-label': t('vote.remove_dot', { title: name() }) },
                on: { click: () => changeBallot((b) => { b.support[id] = Math.max(0, (b.support[id] ?? 0) - 1); }) } });
            this.plus = el('button', { type: 'button', class: 'round', text: '+',
                attrs: { 'aria-label': t('vote.add_dot', { title: name() }) },
                on: { click: () => changeBallot((b) => { b.support[id] = (b.support[id] ?? 0) + 1; }) } });
            this.dotCount = el('output', { class: 'dot-count', attrs: { 'aria-live': 'polite', 'aria-label': t('vote.dots_here') } });
            this.dotLimit = el('span', { class: 'muted small' });
            this.support = el('div', { class: 'dots' }, [
                el('span', { class: 'dots-label', text: t('vote.dots_label') }), this.minus, this.dotCount, this.plus, this.dotLimit,
            ]);
        } else {
            this.toggle = el('button', { type: 'button', class: 'toggle',
                on: { click: () => changeBallot((b) => { b.support[id] = (b.support[id] ?? 0) > 0 ? 0 : 1; }) } });
            this.support = el('div', { class: 'approval' }, [this.toggle]);
        }
        this.vote.append(this.supportOwn, this.support);
        if (s.ratingsEnabled) {
            this.ratings = this.ratingGroups();
            this.vote.append(this.ratings);
        }
    }

    ratingGroups() {
        const id = String(this.id);
        const box = el('div', { class: 'ratings' }, [el('p', { class: 'ratings-title', text: t('vote.rate_title') })]);
        for (const goal of state.workshop.goals) {
            const group = `r-${this.id}-${goal.key}`;
            const options = ['', '0', '1', '2', '3', '4'].map((value) => {
                const input = el('input', { type: 'radio', name: group, value, dataset: { goal: goal.key },
                    attrs: { 'aria-label': value === '' ? t('vote.no_rating') : t('vote.rating_n', { n: value }) },
                    on: { change: () => changeBallot((b) => {
                        const r = { ...(b.ratings[id] || {}) };
                        if (value === '') delete r[goal.key]; else r[goal.key] = Number(value);
                        b.ratings[id] = r;
                    }) } });
                return el('label', { class: 'seg' }, [input, el('span', { text: value === '' ? '–' : value, attrs: { 'aria-hidden': 'true' } })]);
            });
            box.append(el('fieldset', { class: 'rating' }, [
                el('legend', { text: goalName(goal), attrs: { title: localized(goal.label) } }),
                el('div', { class: 'segments' }, options),
            ]));
        }
        box.append(el('p', { class: 'muted small', text: t('vote.scale') }));
        return box;
    }
}

