// The participant page's "What happened to our ideas": the workshop's follow-up actions, shown once the
// facilitators have recorded any, live through `actions` events, with a link to the programme's page.
import { byId, show, replace } from './dom.js';
import { get, workshopPath } from './api.js';
import { renderActions } from './followup-view.js';

/** Starts the section; `workshop()` gives the current Workshop. Returns `{onActions, reload, render}`. */
export function initFollowUp({ code, workshop }) {
    let actions = [];
    const render = () => {
        show(byId('followup-section'), actions.length > 0);
        if (!actions.length) return;
        replace(byId('followup-list'), renderActions(actions));
        byId('followup-link').href = `/follow-up/${workshop().programmeId}`;
    };
    const reload = async () => {
        actions = (await get(workshopPath(code, '/actions'))).actions;
        render();
    };
    return {
        onActions(data) { actions = data.actions || []; render(); },
        reload,
        render,
    };
}
