// The console's affinity board: named clusters as columns, the ideas not yet clustered in the first
// one. An idea moves by HTML5 drag and drop onto a column, or from the keyboard with the "Move to"
// menu on its card; clusters are added, renamed in place, moved left/right and deleted. The board
// follows the `clusters` live event, so two facilitators (and the projector) see the same board.
// The ranking and the exports can be limited to one cluster (`clusterQuery()`).
import { el, byId, setText, replace, toast } from './dom.js';
import { get, post, put, patch, del, workshopPath, errorMessage } from './api.js';
import { t, onLanguageChange } from './i18n.js';
import { confirmDialog } from './dialogs.js';

/** Wires the panel once; `proposals()` gives the console's current proposals, `onFilter()` runs
 *  when the ranking filter changes. Returns `{open, onClusters, proposalsChanged, clusterQuery}`. */
export function mountClusters({ proposals, onFilter = () => {} }) {
    const state = { code: null, phase: null, clusters: [], dragged: null };
    const board = byId('cl-board');
    const filter = byId('rank-cluster');

    byId('cl-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        const input = byId('cl-name');
        const name = input.value.trim();
        if (!name) { setText(byId('cl-error'), t('clusters.name_required')); input.focus(); return; }
        await act(async () => {
            await post(workshopPath(state.code, '/clusters'), { name });
            input.value = '';
            await reload();
        });
    });
    filter.addEventListener('change', () => onFilter());
    onLanguageChange(() => { if (state.code) render(); });

    async function act(work) {
        setText(byId('cl-error'), '');
        try { await work(); } catch (error) { setText(byId('cl-error'), errorMessage(error)); }
    }

    async function reload() {
        const answer = await get(workshopPath(state.code, '/clusters'));
        state.clusters = answer.clusters;
        render();
    }

    function visibleIdeas() {
        return [...proposals()].filter((p) => p.status === 'visible').sort((a, b) => a.id - b.id);
    }

    function render() {
        const readOnly = state.phase === 'closed';
        byId('cl-name').disabled = readOnly;
        byId('cl-add').disabled = readOnly;
        const ideas = visibleIdeas();
        const home = new Map();
        for (const cluster of state.clusters) for (const id of cluster.proposals) home.set(id, cluster.id);
        const columns = [{ id: null, name: t('clusters.unclustered') }, ...state.clusters];
        // A live update redraws the board: the control that had the focus gets it back, so a keyboard
        // user is not thrown to the top of the page by someone else's change.
        const active = board.contains(document.activeElement) ? document.activeElement : null;
        const focused = active?.dataset.focus;
        // A name being typed survives too (someone else's change must not wipe it).
        const typed = active?.matches('input.cluster-name') ? active.value : null;
        replace(board, ...columns.map((cluster, index) => column(cluster, index - 1,
            ideas.filter((p) => (home.get(p.id) ?? null) === cluster.id), readOnly)));
        const again = focused && board.querySelector(`[data-focus="${focused}"]`);
        if (again && !again.disabled) {
            if (typed !== null) again.value = typed;
            again.focus();
        }
        renderFilter();
    }

    function renderFilter() {
        const chosen = filter.value;
        replace(filter, el('option', { value: '', text: t('clusters.filter_all') }),
            ...state.clusters.map((c) => el('option', { value: String(c.id), text: c.name })));
        filter.value = state.clusters.some((c) => String(c.id) === chosen) ? chosen : '';
        if (filter.value !== chosen) onFilter();
    }

    function column(cluster, position, ideas, readOnly) {
        const key = cluster.id === null ? 'none' : String(cluster.id);
        const head = cluster.id === null
            ? el('h3', { class: 'cluster-name', text: cluster.name })
            : el('div', { class: 'cluster-head' }, [
                el('input', { class: 'cluster-name', value: cluster.name, maxLength: 60, disabled: readOnly, dataset: { focus: `name-${cluster.id}` },
                    attrs: { 'aria-label': t('clusters.rename_label', { name: cluster.name }) },
                    on: { change: (event) => rename(cluster, event.target) } }),
                el('div', { class: 'row cluster-tools' }, [
                    el('button', { type: 'button', class: 'small', text: '←', disabled: readOnly || position === 0, dataset: { focus: `left-${cluster.id}` },
                        attrs: { 'aria-label': t('clusters.move_left', { name: cluster.name }) }, on: { click: () => shift(cluster, -1) } }),
                    el('button', { type: 'button', class: 'small', text: '→', disabled: readOnly || position === state.clusters.length - 1, dataset: { focus: `right-${cluster.id}` },
                        attrs: { 'aria-label': t('clusters.move_right', { name: cluster.name }) }, on: { click: () => shift(cluster, 1) } }),
                    el('button', { type: 'button', class: 'small danger', text: t('clusters.delete'), disabled: readOnly, dataset: { focus: `delete-${cluster.id}` },
                        attrs: { 'aria-label': t('clusters.delete_label', { name: cluster.name }) }, on: { click: () => remove(cluster) } }),
                ]),
            ]);
        const list = el('ul', { class: 'cluster-ideas', attrs: { 'aria-label': cluster.name } },
            ideas.map((p) => card(p, cluster.id, readOnly)));
        const node = el('section', { class: 'cluster-column', dataset: { cluster: key } }, [
            head,
            el('p', { class: 'small muted', text: t('clusters.count', { count: ideas.length }) }),
            list,
        ]);
        if (!readOnly) {
            node.addEventListener('dragover', (event) => {
                if (state.dragged === null) return;
                event.preventDefault();
                if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
                node.classList.add('drop-target');
            });
            node.addEventListener('dragleave', (event) => {
                if (!node.contains(event.relatedTarget)) node.classList.remove('drop-target');
            });
            node.addEventListener('drop', (event) => {
                event.preventDefault();
                node.classList.remove('drop-target');
                const text = event.dataTransfer ? event.dataTransfer.getData('text/plain') : '';
                const id = Number.parseInt(text, 10) || state.dragged;
                state.dragged = null;
                if (id) assign(id, cluster.id);
            });
        }
        return node;
    }

    function card(p, clusterId, readOnly) {
        const selectId = `cl-move-${p.id}`;
        const menu = el('select', { id: selectId, class: 'cluster-move', disabled: readOnly, dataset: { focus: `move-${p.id}` },
            on: { change: (event) => assign(p.id, event.target.value ? Number(event.target.value) : null) } },
        [el('option', { value: '', text: t('clusters.unclustered') }),
            ...state.clusters.map((c) => el('option', { value: String(c.id), text: c.name }))]);
        menu.value = clusterId === null ? '' : String(clusterId);
        return el('li', { class: 'cluster-card', draggable: !readOnly, dataset: { id: String(p.id) },
            on: {
                dragstart: (event) => {
                    state.dragged = p.id;
                    if (event.dataTransfer) {
                        event.dataTransfer.setData('text/plain', String(p.id));
                        event.dataTransfer.effectAllowed = 'move';
                    }
                },
                dragend: () => { state.dragged = null; },
            } }, [
            el('span', { class: 'cluster-title', text: p.title }),
            el('label', { class: 'sr-only', htmlFor: selectId, text: t('clusters.move_label', { title: p.title }) }),
            menu,
        ]);
    }

    async function assign(proposalId, clusterId) {
        await act(async () => {
            const answer = await put(`/api/proposals/${proposalId}/cluster`, { cluster: clusterId });
            state.clusters = answer.clusters;
            const menu = byId(`cl-move-${proposalId}`);
            render();
            // The moved card's menu keeps the focus in its new column.
            if (document.activeElement === document.body || document.activeElement === menu) board.querySelector(`#cl-move-${proposalId}`)?.focus();
        });
    }

    async function rename(cluster, input) {
        const name = input.value.trim();
        if (!name || name === cluster.name) { input.value = cluster.name; return; }
        await act(async () => {
            await patch(`/api/clusters/${cluster.id}`, { name });
            await reload();
        });
        if (byId('cl-error').textContent) input.value = cluster.name;
    }

    async function shift(cluster, by) {
        const order = state.clusters.map((c) => c.id);
        const from = order.indexOf(cluster.id);
        const to = from + by;
        if (to < 0 || to >= order.length) return;
        [order[from], order[to]] = [order[to], order[from]];
        await act(async () => {
            const answer = await put(workshopPath(state.code, '/clusters/order'), { order });
            state.clusters = answer.clusters;
            render();
        });
    }

    async function remove(cluster) {
        const ok = await confirmDialog({ title: t('clusters.delete_title', { name: cluster.name }),
            text: t('clusters.delete_text'), confirmLabel: t('clusters.delete') });
        if (!ok) return;
        await act(async () => {
            const answer = await del(`/api/clusters/${cluster.id}`);
            state.clusters = answer.clusters;
            render();
            toast(t('clusters.deleted', { name: cluster.name }));
        });
    }

    return {
        /** Shows the board of `workshop`. */
        async open(workshop) {
            state.code = workshop.code;
            state.phase = workshop.phase;
            state.clusters = [];
            filter.value = '';
            await act(reload);
        },
        /** Reads the board again (after a gap in the live stream), keeping the filter. */
        refresh() { if (state.code) act(reload); },
        /** A `clusters` live event: the whole board. */
        onClusters(data) { state.clusters = data.clusters; render(); },
        /** The workshop (phase) or its proposals changed. */
        proposalsChanged(workshop) { if (workshop) state.phase = workshop.phase; if (state.code) render(); },
        /** `&cluster=ID` for the ranking and export links while a cluster is chosen, else ''. */
        clusterQuery() { return filter.value ? `&cluster=${encodeURIComponent(filter.value)}` : ''; },
    };
}
