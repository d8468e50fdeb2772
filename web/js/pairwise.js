// Pairwise voting on the participant page: "Which of these two better serves our goals?".
// The server picks every pair (GET …/pair, adaptive: least-compared idea against a near neighbour)
// and signs it with an offer token; the page shows the two ideas as large cards, sends the choice
// (tap, or ← / → keys) or a skip with that token, and asks for the next pair.
import { el, show, setText, replace, toast } from './dom.js';
import { get, post, workshopPath, errorMessage } from './api.js';
import { t, personName, tp, onLanguageChange } from './i18n.js';

/** Builds the pairwise panel after `anchor`; returns `{ render(workshop) }`, called on every change. */
export function initPairwise(anchor, code) {
    const heading = el('h2', { id: 'pairwise-h', class: 'pairwise-question' });
    const help = el('p', { class: 'muted pairwise-help' });
    const progress = el('p', { class: 'pairwise-progress', attrs: { role: 'status', 'aria-live': 'polite' } });
    const cards = el('div', { class: 'pair-cards' });
    const skip = el('button', { type: 'button', class: 'pair-skip', on: { click: () => answer(null) } });
    const done = el('p', { class: 'panel notice pairwise-done', hidden: true });
    const root = el('section', { id: 'pairwise', class: 'pairwise', hidden: true, attrs: { 'aria-labelledby': 'pairwise-h' } },
        [heading, help, progress, cards, skip, done]);
    anchor.after(root);

    let active = false;
    let busy = false;
    let current = null; // { pair: [card, card], offer, answered, done }

    function labels() {
        setText(heading, t('pairwise.question'));
        setText(help, t('pairwise.help'));
        setText(skip, t('pairwise.skip'));
        // Nothing answered and nothing offered: every proposal left is the participant's own.
        setText(done, t(current && current.answered === 0 ? 'pairwise.none' : 'pairwise.done'));
        if (current) setText(progress, tp('pairwise.answered', current.answered));
        cards.querySelectorAll('.pair-card').forEach((button, side) => {
            button.setAttribute('aria-label', t(side === 0 ? 'pairwise.choose_left' : 'pairwise.choose_right',
                { title: current?.pair?.[side]?.title ?? '' }));
        });
    }

    function card(proposal, side) {
        return el('button', { type: 'button', class: 'pair-card', dataset: { side: side === 0 ? 'left' : 'right', id: String(proposal.id) },
            on: { click: () => answer(side) } }, [
            el('span', { class: 'pair-key', text: side === 0 ? '←' : '→', attrs: { 'aria-hidden': 'true' } }),
            el('strong', { class: 'pair-title', text: proposal.title }),
            proposal.body ? el('span', { class: 'pair-body', text: proposal.body }) : null,
            proposal.author ? el('span', { class: 'pair-author muted', text: personName(proposal.author.name) }) : null,
        ]);
    }

    function draw() {
        const finished = !current || current.done;
        replace(cards, ...(finished ? [] : current.pair.map(card)));
        show(cards, !finished);
        show(skip, !finished);
        show(done, Boolean(current?.done));
        labels();
        for (const button of [...cards.children, skip]) button.disabled = busy;
    }

    async function load() {
        try {
            current = await get(workshopPath(code, '/pair'));
        } catch (error) {
            current = null;
            toast(errorMessage(error));
        }
        busy = false;
        draw();
    }

    /** `side` 0 or 1 picks that card; null skips the pair. */
    async function answer(side) {
        if (!active || busy || !current || current.done) return;
        busy = true;
        draw();
        const [left, right] = current.pair;
        const body = side === null
            ? { skip: [left.id, right.id], offer: current.offer }
            : { winner: (side === 0 ? left : right).id, loser: (side === 0 ? right : left).id, offer: current.offer };
        try {
            await post(workshopPath(code, '/comparisons'), body);
        } catch (error) {
            toast(errorMessage(error));
        }
        await load();
        // Keyboard users keep their place on the new pair.
        if (root.contains(document.activeElement) || document.activeElement === document.body) cards.querySelector('.pair-card')?.focus();
    }

    document.addEventListener('keydown', (event) => {
        if (!active || event.altKey || event.ctrlKey || event.metaKey) return;
        const target = event.target;
        if (target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]')) return;
        if (event.key === 'ArrowLeft') { event.preventDefault(); answer(0); }
        else if (event.key === 'ArrowRight') { event.preventDefault(); answer(1); }
    });
    onLanguageChange(labels);

    return {
        render(workshop) {
            const wanted = workshop.phase === 'voting' && workshop.settings?.votingMethod === 'pairwise';
            show(root, wanted);
            if (wanted && !active) { active = true; load(); }
            if (!wanted) active = false;
            labels();
        },
    };
}
