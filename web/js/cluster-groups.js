// The facilitator's affinity clusters as headings in a list of ideas: on the participants' page and
// on the projector's wall, ideas are shown under their cluster's name in board order, with the
// ideas in no cluster last under "Other ideas". Within a cluster the page's own order is kept (the
// server's exposure order on phones, newest first on the wall). Follows the `clusters` live event.
import { el } from './dom.js';
import { get, workshopPath } from './api.js';
import { t } from './i18n.js';

/** Loads the board of workshop `code` and calls `changed()` whenever it changes.
 *  Returns `{set(data), reload(), arrange(list, nodes)}`. `query` is added to the request
 *  (the projector asks `?audience=public`). */
export function clusterGroups(code, changed, { query = '' } = {}) {
    let clusters = [];
    const headings = new Map();

    function heading(key, text) {
        let node = headings.get(key);
        if (!node) {
            node = el('li', { class: 'group-heading cluster-heading', dataset: { cluster: key }, attrs: { role: 'presentation' } });
            headings.set(key, node);
        }
        node.textContent = text;
        return node;
    }

    const groups = {
        /** A `clusters` live event (or the GET answer): the whole board. */
        set(data) { clusters = data?.clusters ?? []; changed(); },
        async reload() { groups.set(await get(workshopPath(code, `/clusters${query}`))); },
        /** `nodes` (one per idea of `list`, same order) with cluster headings, or null when no shown
         *  idea is in a cluster (the page then keeps its usual layout). */
        arrange(list, nodes) {
            const home = new Map();
            clusters.forEach((cluster, index) => { for (const id of cluster.proposals) home.set(id, index); });
            if (!list.some((p) => home.has(p.id))) return null;
            const buckets = clusters.map(() => []);
            const rest = [];
            list.forEach((p, i) => (home.has(p.id) ? buckets[home.get(p.id)] : rest).push(nodes[i]));
            const arranged = [];
            clusters.forEach((cluster, index) => {
                if (buckets[index].length) arranged.push(heading(String(cluster.id), cluster.name), ...buckets[index]);
            });
            if (rest.length) arranged.push(heading('none', t('clusters.other_ideas')), ...rest);
            return arranged;
        },
    };
    groups.reload().catch(() => {});
    return groups;
}
