// Presenter controls on the projector, for a facilitator signed in on that screen. The room sees none
// of it: the panel opens with "c" (or from the shortcuts list, "?"), and every action also has a key.
import { el, setText, show } from './dom.js';
import { get, patch, post, workshopPath, errorMessage } from './api.js';
import { t } from './i18n.js';
import { confirmDialog } from './dialogs.js';

const NEXT = { draft: 'collecting', collecting: 'voting', voting: 'closed' };

/**
 * Wires the controls when the viewer is a facilitator. `workshop()` gives the current workshop;
 * `onReveal()` starts the results reveal once the workshop is closed.
 */
export async function presenter({ code, workshop, onReveal }) {
    const me = await get(`/api/me?code=${encodeURIComponent(code)}`).catch(() => null);
    if (!me?.facilitator) return null;
    const message = el('p', { class: 'presenter-status', attrs: { role: 'status' } });
    const actions = [
        { key: 'n', id: 'next', label: () => t('presenter.next'), run: nextPhase },
        { key: '3', id: 'timer-3', label: () => t('presenter.timer', { minutes: 3 }), run: () => timer(3) },
        { key: '5', id: 'timer-5', label: () => t('presenter.timer', { minutes: 5 }), run: () => timer(5) },
        { key: '0', id: 'timer-10', label: () => t('presenter.timer', { minutes: 10 }), run: () => timer(10) },
        { key: '+', id: 'extend', label: () => t('presenter.extend'), run: extend },
        { key: 'r', id: 'reveal', label: () => t('presenter.reveal'), run: reveal },
    ];
    const buttons = actions.map((action) => el('button', { type: 'button', dataset: { action: action.id },
        on: { click: () => action.run() } }));
    const panel = el('aside', { id: 'presenter', class: 'presenter', hidden: true }, [
        el('h2', { class: 'presenter-title' }), el('div', { class: 'presenter-actions' }, buttons), message,
    ]);
    const help = el('dialog', { id: 'shortcuts', class: 'shortcuts' }, [
        el('form', { method: 'dialog' }, [
            el('h2', {}), el('dl', { class: 'shortcut-list' }),
            el('div', { class: 'dialog-actions' }, [el('button', { type: 'submit', class: 'primary' })]),
        ]),
    ]);
    document.body.append(panel, help);

    const label = () => {
        panel.setAttribute('aria-label', t('presenter.title'));
        setText(panel.querySelector('.presenter-title'), t('presenter.title'));
        actions.forEach((action, index) => {
            setText(buttons[index], action.label());
            buttons[index].setAttribute('aria-keyshortcuts', action.key);
        });
        setText(help.querySelector('h2'), t('presenter.shortcuts'));
        setText(help.querySelector('button'), t('dialog.close'));
        const list = help.querySelector('dl');
        list.replaceChildren();
        for (const [key, text] of [['?', t('presenter.help')], ['c', t('presenter.toggle')],
            ...actions.map((a) => [a.key, a.label()])]) {
            list.append(el('div', {}, [el('dt', {}, [el('kbd', { text: key })]), el('dd', { text })]));
        }
    };
    label();

    async function act(work) {
        setText(message, '');
        try {
            await work();
            return true;
        } catch (error) {
            setText(message, errorMessage(error));
            show(panel, true);
            return false;
        }
    }
    async function nextPhase() {
        const w = workshop();
        const target = NEXT[w.phase];
        if (!target) { setText(message, t('presenter.no_next')); show(panel, true); return; }
        const ok = await confirmDialog({ title: t('phase.confirm_title', { phase: t(`phase.${target}`) }),
            text: t(`phase.confirm.${target}`), confirmLabel: t(`phase.action.${target}`) });
        if (ok) await act(() => post(workshopPath(code, '/phase'), { phase: target }));
    }
    function timer(minutes) {
        return act(() => patch(workshopPath(code), { deadline: new Date(Date.now() + minutes * 60000).toISOString() }));
    }
    function extend() {
        const w = workshop();
        const from = Math.max(Date.now(), w.deadline ? new Date(w.deadline).getTime() : 0);
        return act(() => patch(workshopPath(code), { deadline: new Date(from + 60000).toISOString() }));
    }
    async function reveal() {
        if (workshop().phase !== 'closed') {
            const ok = await confirmDialog({ title: t('presenter.reveal_title'), text: t('presenter.reveal_text'),
                confirmLabel: t('presenter.reveal') });
            if (!ok) return;
            if (!await act(() => post(workshopPath(code, '/phase'), { phase: 'closed' }))) return;
        }
        show(panel, false);
        await onReveal();
    }

    document.addEventListener('keydown', (event) => {
        if (event.ctrlKey || event.metaKey || event.altKey || document.querySelector('dialog[open]')) return;
        if (event.target.closest?.('input, textarea, select')) return;
        if (event.key === '?') { event.preventDefault(); help.showModal(); return; }
        if (event.key === 'c') { show(panel, panel.hidden); if (!panel.hidden) buttons[0].focus(); return; }
        const action = actions.find((a) => a.key === event.key || (a.key === '+' && event.key === '='));
        if (action) { event.preventDefault(); action.run(); }
    });
    return { relabel: label };
}
