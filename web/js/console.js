// Facilitator console (/console): login, programmes and workshops, phase control, moderation,
// live ranking with goal weights, access codes, participation figures and exports.
import { el, byId, setText, show, replace, debounce, toast } from './dom.js';
import { get, post, patch, del, workshopPath, errorMessage } from './api.js';
import { t, personName, tp, has, lang, localized, formatNumber, formatDateTime, onLanguageChange } from './i18n.js';
import { connectEvents } from './sse.js';
import { countdown } from './countdown.js';
import { confirmDialog } from './dialogs.js';
import { likelyDuplicates } from './similarity.js';
import { renderRanking, renderShortlist, settledNote, goalName } from './ranking.js';
import { scoringPanel } from './scoring-panel.js';
import { start } from './page.js';
import { JOIN_CODE } from './code.js';
import { openEditor, wireEditor, refreshLock } from './console-editor.js';
import { mountFollowUp } from './console-followup.js';
import { wireDeadlineTools, renderDeadlineTools, deadlineForMove } from './console-deadline.js';
import { renderMergeAudit } from './console-audit.js';
import { mountPeople } from './console-people.js';
import { mountClusters } from './clusters.js';

const PHASES = ['draft', 'collecting', 'voting', 'closed'];
const EXPORTS = ['csv', 'csv-excel', 'json', 'html'];

const state = {
    programmes: [],
    code: null,
    workshop: null,
    proposals: new Map(),
    weights: {},
    dismissed: new Set(),
    events: null,
};
let clock = null;
let followUp = null;
let people = null;
let clusters = null;

start(async () => {
    clock = countdown(byId('ws-countdown'));
    wireLogin();
    wireEditor({ onSaved: afterSave });
    wirePhaseForm();
    wireDeadlineTools({ current: () => ({ code: state.code, workshop: state.workshop }),
        saved: (w) => { state.workshop = w; patchSidebar(w); renderWorkshop(); } });
    wireCodes();
    followUp = mountFollowUp();
    people = mountPeople({ onOwners: (owners) => followUp.setOwners(owners) });
    clusters = mountClusters({ proposals: () => state.proposals.values(), onFilter: () => { refreshRanking(); renderExports(); } });
    byId('edit-open').addEventListener('click', () => openEditor({ workshop: state.workshop }));
    window.addEventListener('hashchange', () => selectFromHash());
    onLanguageChange(() => { renderSidebar(); if (state.workshop) { renderWorkshop(); renderWeights(); refreshRanking(); } });
    window.addEventListener('officina:unauthenticated', () => { state.events?.close(); showLogin(); });
    const me = await get('/api/me').catch(() => ({ facilitator: null }));
    const setupToken = new URLSearchParams(location.search).get('setup');
    if (me.facilitator) await enter(me.facilitator);
    else if (setupToken) showSetup(setupToken);
    else showLogin();
});

function fatal(error) {
    setText(byId('fatal'), errorMessage(error));
    show(byId('fatal'), true);
}

// ---- session ----

function showLogin() {
    show(byId('setup'), false);
    show(byId('login'), true);
    show(byId('app'), false);
    show(byId('logout'), false);
    setText(byId('whoami'), '');
    byId('username').focus();
}

function showSetup(token) {
    show(byId('setup'), true);
    show(byId('login'), false);
    show(byId('app'), false);
    byId('s-username').focus();
    byId('setup-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        const errorBox = byId('setup-error');
        setText(errorBox, '');
        const username = byId('s-username').value.trim();
        const password = byId('s-password').value;
        if (!username || !password) { setText(errorBox, t('console.need_credentials')); return; }
        if (password !== byId('s-password2').value) { setText(errorBox, t('console.passwords_differ')); return; }
        byId('setup-submit').disabled = true;
        try {
            await post('/api/setup', { token, username, password });
            history.replaceState(null, '', '/console');
            show(byId('setup'), false);
            await enter({ username });
        } catch (error) {
            setText(errorBox, errorMessage(error));
        } finally {
            byId('setup-submit').disabled = false;
        }
    });
}

function wireLogin() {
    byId('login-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        const errorBox = byId('login-error');
        setText(errorBox, '');
        const username = byId('username').value.trim();
        const password = byId('password').value;
        if (!username || !password) { setText(errorBox, t('console.need_credentials')); return; }
        byId('login-submit').disabled = true;
        try {
            const answer = await post('/api/session', { username, password });
            byId('password').value = '';
            await enter(answer.facilitator);
        } catch (error) {
            setText(errorBox, errorMessage(error));
        } finally {
            byId('login-submit').disabled = false;
        }
    });
    byId('logout').addEventListener('click', async () => {
        try { await del('/api/session'); } catch (error) { toast(errorMessage(error)); return; }
        state.events?.close();
        location.assign('/console');
    });
}

async function enter(facilitator) {
    show(byId('login'), false);
    show(byId('app'), true);
    show(byId('logout'), true);
    setText(byId('whoami'), facilitator?.username ?? '');
    await loadProgrammes();
    await selectFromHash();
}

// ---- programmes and workshops ----

async function loadProgrammes() {
    try {
        state.programmes = (await get('/api/programmes')).programmes;
    } catch (error) { fatal(error); return; }
    renderSidebar();
}

function renderSidebar() {
    const box = byId('programmes');
    replace(box, ...state.programmes.map((programme) => el('section', { class: 'programme' }, [
        el('h2', { text: localized(programme.title) }),
        el('ul', { class: 'ws-list' }, programme.workshops.map((w) => el('li', {}, [
            el('a', { href: `#${w.code}`, attrs: { 'aria-current': w.code === state.code ? 'page' : false } }, [
                el('span', { text: localized(w.title) }),
                el('span', { class: 'small' }, [
                    el('span', { class: 'ws-code', text: w.code }), ' ',
                    el('span', { class: 'badge phase', dataset: { phase: w.phase }, text: t(`phase.${w.phase}`) }),
                ]),
            ]),
        ]))),
        el('button', { type: 'button', class: 'wide', text: t('console.new_workshop'),
            on: { click: () => openEditor({ programmeId: programme.id }) } }),
        el('a', { class: 'button-link overview-link', href: `/programme.html#${programme.id}`, text: t('overview.open') }),
        el('a', { class: 'small', href: `/follow-up/${programme.id}`, target: '_blank', rel: 'noopener', text: t('console.fu_programme_page') }),
        el('details', { class: 'programme-export' }, [
            el('summary', { text: t('console.programme_export') }),
            el('div', { class: 'exports' }, EXPORTS.map((format) => el('a', {
                class: 'button-link', text: t(`export.${format}`), dataset: { format },
                href: `/api/programmes/${programme.id}/export?format=${format}&lang=${lang()}`, attrs: { download: '' },
            }))),
        ]),
    ])));
}

async function afterSave(workshop) {
    await loadProgrammes();
    if (workshop.code === state.code) { state.workshop = workshop; renderWorkshop(); }
    else location.hash = workshop.code;
    toast(t('console.saved'));
}

async function selectFromHash() {
    const code = location.hash.slice(1).toUpperCase();
    if (!JOIN_CODE.test(code)) {
        state.code = null;
        show(byId('workshop'), false);
        show(byId('pick'), true);
        renderSidebar();
        return;
    }
    await openWorkshop(code);
}

async function openWorkshop(code) {
    state.events?.close();
    state.code = code;
    state.dismissed.clear();
    renderSidebar();
    try {
        await loadWorkshop();
    } catch (error) { fatal(error); return; }
    show(byId('pick'), false);
    show(byId('workshop'), true);
    state.weights = Object.fromEntries(state.workshop.goals.map((g) => [g.key, g.weight ?? 1]));
    renderWorkshop();
    renderWeights();
    refreshRanking();
    followUp.open(state.workshop, [...state.proposals.values()]);
    people.open(state.workshop);
    clusters.open(state.workshop);
    state.events = connectEvents(code, {
        workshop: (w) => { state.workshop = w; patchSidebar(w); renderWorkshop(); refreshStats(); refreshLock(w); followUp.workshopChanged(w, [...state.proposals.values()]); clusters.proposalsChanged(w); },
        actions: (data) => followUp.onActions(data),
        clusters: (data) => clusters.onClusters(data),
        offers: (summary) => people.onOffers(summary),
        proposal: (p) => { state.proposals.set(p.id, p); renderModerationSoon(); refreshStats(); refreshRankingSoon(); clusters.proposalsChanged(); },
        merge: () => { refreshRankingSoon(); auditSoon(); },
        tally: (tally) => {
            // The first ballot locks the voting settings: say so now, not after a reload.
            if (tally.ballots > 0 && !state.workshop.locked) { state.workshop.locked = true; refreshLock(state.workshop); }
            if (tally.tallies) {
                for (const p of state.proposals.values()) p.tally = tally.tallies[String(p.id)] ?? { support: 0, supporters: 0 };
                renderModerationSoon();
            }
            refreshStats();
            refreshRankingSoon();
        },
    }, { statusNode: byId('conn'), onResync: () => { loadWorkshop().then(renderWorkshop).catch(fatal); clusters.refresh(); } });
}

async function loadWorkshop() {
    const [workshop, list] = await Promise.all([
        get(workshopPath(state.code)),
        get(workshopPath(state.code, '/proposals')),
    ]);
    state.workshop = workshop;
    state.proposals = new Map(list.proposals.map((p) => [p.id, p]));
    await refreshStatsNow();
}

function patchSidebar(workshop) {
    for (const programme of state.programmes) {
        programme.workshops = programme.workshops.map((w) => (w.code === workshop.code ? workshop : w));
    }
    renderSidebar();
}

// ---- the selected workshop ----

function renderWorkshop() {
    const w = state.workshop;
    setText(byId('ws-theme'), has(`theme.${w.theme}`) ? t(`theme.${w.theme}`) : w.theme);
    setText(byId('ws-title'), localized(w.title));
    setText(byId('ws-code'), w.code);
    setText(byId('ws-desc'), localized(w.description));
    const badge = byId('ws-phase');
    badge.dataset.phase = w.phase;
    setText(badge, t(`phase.${w.phase}`));
    clock.set(w.phase === 'collecting' || w.phase === 'voting' ? w.deadline : null);
    byId('link-screen').href = `/screen/${w.code}`;
    byId('link-join').href = `/?code=${w.code}`;
    setText(byId('ws-url'), w.joinUrl || `${location.origin}/w/${w.code}`);
    byId('tickets-link').href = workshopPath(w.code, '/access-codes/tickets');
    renderPhaseButtons();
    renderDeadline();
    renderDeadlineTools(w);
    auditSoon();
    renderModeration();
    renderStats();
    renderExports();
    loadPhaseLog();
}

function renderPhaseButtons() {
    const w = state.workshop;
    const next = PHASES[PHASES.indexOf(w.phase) + 1];
    const buttons = PHASES.filter((p) => p !== w.phase).map((target) => el('button', {
        type: 'button', class: target === next ? 'primary' : '', text: t(`phase.action.${target}`),
        dataset: { phase: target },
        on: { click: () => changePhase(target) },
    }));
    replace(byId('phase-buttons'), ...buttons);
}

async function changePhase(target) {
    const move = deadlineForMove(state.workshop, target);
    const ok = await confirmDialog({
        title: t('phase.confirm_title', { phase: t(`phase.${target}`) }),
        text: [t(`phase.confirm.${target}`), move.note].filter(Boolean).join(' '),
        confirmLabel: t(`phase.action.${target}`),
    });
    if (!ok) return;
    setText(byId('phase-error'), '');
    try {
        state.workshop = await post(workshopPath(state.code, '/phase'), { phase: target, deadline: move.deadline });
        patchSidebar(state.workshop);
        renderWorkshop();
        refreshRanking();
        toast(t('console.phase_changed', { phase: t(`phase.${target}`) }));
    } catch (error) {
        setText(byId('phase-error'), errorMessage(error));
    }
}

function toLocalInput(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function renderDeadline() {
    const input = byId('deadline');
    if (document.activeElement !== input) input.value = toLocalInput(state.workshop.deadline);
}

function wirePhaseForm() {
    const send = async (deadline) => {
        setText(byId('phase-error'), '');
        try {
            state.workshop = await patch(workshopPath(state.code), { deadline });
            renderWorkshop();
            toast(deadline ? t('console.deadline_saved', { when: formatDateTime(deadline) }) : t('console.deadline_cleared'));
        } catch (error) {
            setText(byId('phase-error'), errorMessage(error));
        }
    };
    byId('deadline-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const value = byId('deadline').value;
        const date = new Date(value);
        if (!value || Number.isNaN(date.getTime())) { setText(byId('phase-error'), t('console.deadline_invalid')); return; }
        send(date.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    });
    byId('deadline-clear').addEventListener('click', () => send(null));
}

async function loadPhaseLog() {
    try {
        const { log } = await get(workshopPath(state.code, '/phases'));
        replace(byId('phase-log'), ...log.map((entry) => el('li', { text: t('console.phase_log_entry', {
            from: t(`phase.${entry.from}`), to: t(`phase.${entry.to}`), by: entry.by ?? '', at: formatDateTime(entry.at) }) })));
        show(byId('phase-log-box'), log.length > 0);
    } catch {
        show(byId('phase-log-box'), false);
    }
}

// ---- participation ----

let stats = null;
async function refreshStatsNow() {
    try { stats = await get(workshopPath(state.code, '/stats')); } catch { stats = null; }
}
const refreshStats = debounce(async () => { await refreshStatsNow(); renderStats(); }, 400);

function renderStats() {
    const s = stats ?? { participants: state.workshop.counts?.participants, proposals: state.workshop.counts?.proposals,
        ballots: state.workshop.counts?.ballots };
    const items = ['participants', 'proposals', 'buildOns', 'ballots', 'ratings'].filter((k) => typeof s[k] === 'number');
    replace(byId('stats'), ...items.map((k) => el('div', { dataset: { stat: k } }, [
        el('dt', { text: t(`stats.${k}`) }), el('dd', { text: formatNumber(s[k]) }),
    ])));
}

// ---- moderation ----

// Live updates must not pull a select or button out from under the facilitator's hand: while
// focus is inside the list, the redraw waits.
const renderModerationSoon = debounce(() => {
    if (byId('mod-list').contains(document.activeElement) || byId('dupes').contains(document.activeElement)) {
        renderModerationSoon();
        return;
    }
    renderModeration();
}, 300);

function renderModeration() {
    // Keep the keyboard where it was: the same idea's first button after the redraw.
    const focusId = document.activeElement?.closest?.('#mod-list li')?.dataset.id;
    const all = [...state.proposals.values()].sort((a, b) => a.id - b.id);
    const visible = all.filter((p) => p.status === 'visible');
    show(byId('mod-empty'), all.length === 0);
    const pairs = likelyDuplicates(visible).filter(({ a, b }) => !state.dismissed.has(`${a.id}-${b.id}`));
    show(byId('dupes-box'), pairs.length > 0);
    replace(byId('dupes'), ...pairs.map(({ a, b, score }) => {
        // Keep the older idea; fold the newer one into it.
        const [keep, fold] = a.id < b.id ? [a, b] : [b, a];
        return el('li', {}, [
            el('p', { text: t('console.dupe_pair', { a: keep.title, b: fold.title, score: Math.round(score * 100) }) }),
            el('div', { class: 'row' }, [
                el('button', { type: 'button', class: 'primary', text: t('console.merge_into', { from: fold.title, into: keep.title }),
                    on: { click: () => merge(fold.id, keep.id) } }),
                el('button', { type: 'button', class: 'link', text: t('console.not_duplicates'),
                    on: { click: () => { state.dismissed.add(`${a.id}-${b.id}`); renderModeration(); } } }),
            ]),
        ]);
    }));
    replace(byId('mod-list'), ...all.map((p) => moderationItem(p, visible)));
    if (focusId) byId('mod-list').querySelector(`li[data-id="${focusId}"] button`)?.focus();
}

function moderationItem(p, visible) {
    const into = p.mergedInto ? state.proposals.get(p.mergedInto) : null;
    const status = p.status === 'merged'
        ? t('console.status_merged', { into: into ? into.title : `#${p.mergedInto}` })
        : t(`console.status_${p.status}`);
    const actions = [];
    if (p.status === 'visible') {
        actions.push(el('button', { type: 'button', text: t('console.hide'), attrs: { 'aria-label': t('console.hide_named', { title: p.title }) },
            on: { click: () => setStatus(p, 'hidden') } }));
        const others = visible.filter((o) => o.id !== p.id);
        if (others.length) {
            const selectId = `merge-${p.id}`;
            const select = el('select', { id: selectId }, [
                el('option', { value: '', text: t('console.merge_pick') }),
                ...others.map((o) => el('option', { value: String(o.id), text: o.title })),
            ]);
            actions.push(el('label', { class: 'sr-only', htmlFor: selectId, text: t('console.merge_label', { title: p.title }) }), select,
                el('button', { type: 'button', text: t('console.merge'), dataset: { merge: String(p.id) },
                    on: { click: () => { if (select.value) merge(p.id, Number(select.value)); else select.focus(); } } }));
        }
    } else if (p.status === 'hidden') {
        actions.push(el('button', { type: 'button', text: t('console.unhide'), on: { click: () => setStatus(p, 'visible') } }));
    } else if (p.status === 'merged') {
        actions.push(el('button', { type: 'button', text: t('console.undo_merge'), on: { click: () => unmerge(p.id) } }));
    }
    const author = p.author ? personName(p.author.name) : t('proposal.anonymous');
    const tally = p.tally ? ` · ${tp('count.dots', p.tally.support)}` : '';
    return el('li', { class: 'mod-item', dataset: { id: String(p.id), status: p.status } }, [
        el('strong', { text: p.title }),
        el('span', { class: 'small muted', text: `${author} · ${status} · ${tp('buildon.count', p.buildOns?.length ?? 0)}${tally}` }),
        el('div', { class: 'row' }, actions),
    ]);
}

async function setStatus(p, status) {
    setText(byId('mod-error'), '');
    try {
        const updated = await patch(`/api/proposals/${p.id}`, { status });
        state.proposals.set(updated.id, updated);
        renderModeration();
        refreshRankingSoon();
    } catch (error) { setText(byId('mod-error'), errorMessage(error)); }
}

async function merge(fromId, intoId) {
    setText(byId('mod-error'), '');
    try {
        const answer = await post(`/api/proposals/${fromId}/merge`, { into: intoId });
        state.proposals.set(answer.merged.id, answer.merged);
        state.proposals.set(answer.into.id, answer.into);
        renderModeration();
        refreshRankingSoon();
        toast(t('merge.happened', { from: answer.merged.title, into: answer.into.title }),
            { action: { label: t('console.undo'), run: () => unmerge(fromId) }, timeout: 10000 });
    } catch (error) { setText(byId('mod-error'), errorMessage(error)); }
}

async function unmerge(id) {
    setText(byId('mod-error'), '');
    try {
        const answer = await post(`/api/proposals/${id}/unmerge`);
        state.proposals.set(answer.proposal.id, answer.proposal);
        renderModeration();
        refreshRankingSoon();
        toast(t('console.unmerged', { title: answer.proposal.title }));
    } catch (error) { setText(byId('mod-error'), errorMessage(error)); }
}

// ---- ranking with goal weights ----

function renderWeights() {
    const box = byId('weights');
    replace(box, ...state.workshop.goals.map((goal) => {
        const id = `w-${goal.key}`;
        const output = el('output', { htmlFor: id, text: formatNumber(state.weights[goal.key], { maximumFractionDigits: 1 }) });
        const slider = el('input', { type: 'range', id, min: 0, max: 3, step: 0.5, value: String(state.weights[goal.key]),
            dataset: { goal: goal.key }, attrs: { 'aria-describedby': `${id}-desc` },
            on: { input: (event) => {
                state.weights[goal.key] = Number(event.target.value);
                setText(output, formatNumber(state.weights[goal.key], { maximumFractionDigits: 1 }));
                refreshRankingSoon();
            } } });
        return el('div', { class: 'weight' }, [
            el('label', { htmlFor: id, text: goalName(goal) }), slider, output,
            el('span', { id: `${id}-desc`, class: 'sr-only', text: localized(goal.label) }),
        ]);
    }));
}

let rankingSeq = 0;
async function refreshRanking() {
    const seq = ++rankingSeq;
    const weights = Object.entries(state.weights).map(([k, v]) => `${k}:${v}`).join(',');
    try {
        const ranking = await get(workshopPath(state.code, `/ranking?view=compact&weights=${encodeURIComponent(weights)}&lang=${lang()}${clusters.clusterQuery()}`));
        if (seq !== rankingSeq) return;
        setText(byId('rank-error'), '');
        renderExports();
        const box = byId('console-ranking');
        if (!ranking.entries.length) { replace(box, el('p', { class: 'muted', text: t('ranking.empty') })); return; }
        replace(box,
            el('p', { class: 'muted small', text: tp('ranking.counts', ranking.counts?.ballots ?? 0, { proposals: formatNumber(ranking.counts?.proposals ?? 0) }) }),
            settledNote(ranking),
            scoringPanel(state.code, ranking, refreshRanking),
            renderRanking(ranking, state.workshop.goals),
            renderShortlist(ranking, state.workshop.goals),
            ranking.method?.description ? el('p', { class: 'small muted', text: ranking.method.description }) : null);
    } catch (error) {
        if (seq === rankingSeq) setText(byId('rank-error'), errorMessage(error));
    }
}
const refreshRankingSoon = debounce(refreshRanking, 300);

// ---- access codes and exports ----

function wireCodes() {
    byId('codes-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        setText(byId('codes-error'), '');
        const count = Number.parseInt(byId('codes-count').value, 10);
        if (!Number.isFinite(count) || count < 1 || count > 500) { setText(byId('codes-error'), t('console.codes_invalid')); return; }
        try {
            const { codes } = await post(workshopPath(state.code, '/access-codes'), { count });
            replace(byId('codes'), ...codes.map((c) => el('li', { text: c })));
            toast(tp('console.codes_made', codes.length));
        } catch (error) { setText(byId('codes-error'), errorMessage(error)); }
    });
}

const auditSoon = debounce(() => {
    if (state.code) renderMergeAudit(state.code, new Map([...state.proposals.values()].map((p) => [p.id, p.title])));
}, 300);

function renderExports() {
    // The links carry the weights on screen, so a file ranks exactly as the console does.
    const weights = Object.entries(state.weights).map(([k, v]) => `${k}:${v}`).join(',');
    const query = (weights ? `&weights=${encodeURIComponent(weights)}` : '') + clusters.clusterQuery();
    replace(byId('exports'), ...EXPORTS.map((format) => el('a', {
        class: 'button-link', href: workshopPath(state.code, `/export?format=${format}&lang=${lang()}${query}`), text: t(`export.${format}`),
        dataset: { format }, attrs: { download: '' },
    })));
}

