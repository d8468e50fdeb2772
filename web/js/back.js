// /back#TOKEN: a personal return link. The token is in the fragment (never sent in a request line); it
// is posted once to sign this device in, removed from the address bar, and the workshop opens.
import { byId, setText, show } from './dom.js';
import { post, errorMessage } from './api.js';
import { start } from './page.js';
import { t } from './i18n.js';

start(async () => {
    const token = location.hash.slice(1);
    history.replaceState(null, '', '/back');
    if (!token) { fail(); return; }
    try {
        const answer = await post('/api/return', { token });
        location.replace(`/w/${encodeURIComponent(answer.code)}`);
    } catch (error) {
        fail(errorMessage(error));
    }
});

function fail(message) {
    show(byId('back-status'), false);
    const box = byId('back-error');
    setText(box, message || t('return.invalid'));
    show(box, true);
}
