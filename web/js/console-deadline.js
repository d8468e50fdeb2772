// Deadline tools of the console: +3/+5/+10-minute presets beside the date-time field, "close
// automatically at the deadline" (the server moves the phase on by itself), and what a phase change
// does with the current deadline — kept or cleared, as the facilitator chooses, and said aloud.
import { byId, setText, show, toast } from './dom.js';
import { patch, workshopPath, errorMessage } from './api.js';
import { t, formatDateTime } from './i18n.js';

const PRESETS = [3, 5, 10];

/** Wires the presets and the automatic-close box. `current()` gives { code, workshop }; `saved(w)` re-renders. */
export function wireDeadlineTools({ current, saved }) {
    for (const minutes of PRESETS) {
        byId(`deadline-plus-${minutes}`).addEventListener('click', () => send(current(), saved,
            { deadline: new Date(Date.now() + minutes * 60000).toISOString() }, 'deadline'));
    }
    byId('auto-advance').addEventListener('change', (event) => send(current(), saved, { autoAdvance: event.target.checked }, 'auto'));
}

async function send({ code } = {}, saved, body, what) {
    setText(byId('phase-error'), '');
    try {
        const workshop = await patch(workshopPath(code), body);
        saved(workshop);
        if (what === 'deadline') toast(t('console.deadline_saved', { when: formatDateTime(workshop.deadline) }));
        else toast(t(body.autoAdvance ? 'console.auto_on' : 'console.auto_off'));
    } catch (error) {
        setText(byId('phase-error'), errorMessage(error));
    }
}

/** Shows the workshop's automatic-close choice and whether a phase change would keep its deadline. */
export function renderDeadlineTools(workshop) {
    const auto = byId('auto-advance');
    auto.checked = Boolean(workshop.autoAdvance);
    const running = workshop.phase === 'collecting' || workshop.phase === 'voting';
    for (const minutes of PRESETS) byId(`deadline-plus-${minutes}`).disabled = !running;
    show(byId('keep-deadline-row'), Boolean(workshop.deadline) && new Date(workshop.deadline).getTime() > Date.now());
}

/**
 * What a move to `target` does with the deadline: `{ deadline, note }` for the request and the
 * confirmation. A deadline is kept only when asked, when it is still ahead, and the target phase has one.
 */
export function deadlineForMove(workshop, target) {
    const ahead = workshop.deadline && new Date(workshop.deadline).getTime() > Date.now();
    if (!ahead) return { deadline: null, note: '' };
    const keep = byId('keep-deadline').checked && (target === 'collecting' || target === 'voting');
    const when = formatDateTime(workshop.deadline);
    return keep ? { deadline: workshop.deadline, note: t('console.deadline_kept', { when }) }
        : { deadline: null, note: t('console.deadline_will_clear', { when }) };
}
