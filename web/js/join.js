// Join page: a workshop code (prefilled from the QR link's ?code=) and a display name.
import { byId, setText, show } from './dom.js';
import { api, post, workshopPath, errorMessage } from './api.js';
import { t, localized, onLanguageChange } from './i18n.js';
import { JOIN_CODE, normaliseCode } from './code.js';
import { start } from './page.js';
import { fillGroups } from './join-groups.js';

start(async () => {
    const form = byId('join-form');
    const codeInput = byId('code');
    const nameInput = byId('name');
    const accessField = byId('access-field');
    const accessInput = byId('access');
    const preview = byId('code-preview');
    const errorBox = byId('join-error');
    const submit = byId('join-submit');
    let workshop = null;
    let lookedUp = '';
    let already = null;

    const renderPreview = () => {
        setText(preview, workshop ? t('join.joining', { title: localized(workshop.title) }) : '');
        show(accessField, Boolean(workshop?.settings?.requireAccessCode) && !already);
        fillGroups(byId('group-field'), byId('group'), already ? [] : (workshop?.participantGroups ?? []));
        show(byId('rejoin'), Boolean(workshop && already));
        if (workshop && already) {
            const link = byId('rejoin-link');
            link.href = `/w/${workshop.code}`;
            setText(link, t('join.continue_as', { name: already.name }));
        }
    };

    const lookUp = async () => {
        const code = normaliseCode(codeInput.value);
        if (code === lookedUp) return;
        lookedUp = code;
        workshop = null;
        already = null;
        renderPreview();
        if (!JOIN_CODE.test(code)) return;
        try {
            const [found, me] = await Promise.all([
                api('GET', workshopPath(code)),
                api('GET', `/api/me?code=${encodeURIComponent(code)}`).catch(() => null),
            ]);
            if (normaliseCode(codeInput.value) === code) { workshop = found; already = me?.participant ?? null; renderPreview(); }
        } catch (error) {
            if (normaliseCode(codeInput.value) === code) setText(preview, errorMessage(error));
        }
    };

    const prefill = new URLSearchParams(location.search).get('code');
    if (prefill) codeInput.value = normaliseCode(prefill).slice(0, 6);
    codeInput.addEventListener('input', lookUp);
    (prefill ? nameInput : codeInput).focus();
    lookUp();
    onLanguageChange(renderPreview);

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        setText(errorBox, '');
        const code = normaliseCode(codeInput.value);
        const name = nameInput.value.trim();
        if (!JOIN_CODE.test(code)) { setText(errorBox, t('join.bad_code')); codeInput.focus(); return; }
        if (!name) { setText(errorBox, t('join.need_name')); nameInput.focus(); return; }
        const body = { code, name };
        if (!accessField.hidden && accessInput.value.trim()) body.accessCode = accessInput.value.trim().toUpperCase();
        if (!byId('group-field').hidden && byId('group').value) body.group = byId('group').value;
        submit.disabled = true;
        try {
            await post('/api/join', body);
            location.assign(`/w/${code}`);
        } catch (error) {
            setText(errorBox, errorMessage(error));
            if (error.field === 'accessCode' || error.code === 'access_code') { show(accessField, true); accessInput.focus(); }
            submit.disabled = false;
        }
    });
});
