// After the phase's deadline the page stops offering what the server would refuse: the idea form,
// build-ons, one's own edits and the ballot controls are disabled, with "Time's up" said plainly.
import { setText, show } from './dom.js';
import { t } from './i18n.js';

let timer = null;

/** Whether the workshop's current phase is past its deadline. */
export function timeIsUp(workshop) {
    if (!workshop?.deadline || (workshop.phase !== 'collecting' && workshop.phase !== 'voting')) return false;
    const at = new Date(workshop.deadline).getTime();
    return Number.isFinite(at) && at <= Date.now();
}

/**
 * Disables the page's controls once the deadline passes (now, or later by a timer), and shows the
 * notice in `#time-up`. Call after every render: a re-render may have enabled controls again.
 */
export function applyTimeUp(workshop, rerender = () => {}) {
    clearTimeout(timer);
    const up = timeIsUp(workshop);
    document.body.classList.toggle('time-up', up);
    const notice = document.getElementById('time-up');
    if (notice) {
        setText(notice, up ? t(workshop.phase === 'voting' ? 'timeup.voting' : 'timeup.collecting') : '');
        show(notice, up);
    }
    const form = document.getElementById('proposal-form');
    for (const control of form ? form.querySelectorAll('input, textarea, button') : []) control.disabled = up;
    const submit = document.getElementById('proposal-submit');
    if (submit) setText(submit, up ? t('countdown.over') : t('proposal.submit'));
    const cardControls = '#proposals .buildon-form :is(textarea, button), #proposals .own-idea button, #proposals .vote-box :is(button, input)';
    if (up) {
        for (const control of document.querySelectorAll(cardControls)) { control.disabled = true; control.dataset.timeUp = '1'; }
        return;
    }
    // A new deadline reopened the phase: give back what we took (the −/+ buttons are re-set by the
    // page's own render, which knows the budget and the cap).
    for (const control of document.querySelectorAll('[data-time-up]')) {
        delete control.dataset.timeUp;
        if (!control.classList.contains('round')) control.disabled = false;
    }
    if (workshop?.deadline && (workshop.phase === 'collecting' || workshop.phase === 'voting')) {
        const wait = new Date(workshop.deadline).getTime() - Date.now();
        // setTimeout holds at most ~24.8 days; a farther deadline is re-checked on the next render.
        if (wait > 0 && wait < 2 ** 31 - 1) timer = setTimeout(() => { applyTimeUp(workshop, rerender); rerender(); }, wait + 50);
    }
}
