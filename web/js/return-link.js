// "Use on another device": the participant's personal return link and its QR code, to reopen their
// identity (ballot, offers) on another phone or computer; it can be revoked at any time.
import { byId, setText, show, replace, toast } from './dom.js';
import { get, post, del, workshopPath, errorMessage } from './api.js';
import { t, formatDateTime } from './i18n.js';
import { drawQR } from './qr-draw.js';

export function initReturnLink({ code }) {
    const box = byId('return-box');
    const status = byId('return-status');
    const refresh = async () => {
        try {
            const current = await get(workshopPath(code, '/return-link'));
            setText(status, current.active ? t('return.active', { when: formatDateTime(current.issuedAt) }) : t('return.none'));
            show(byId('return-revoke'), current.active);
        } catch { /* not a participant any more: the page handles that */ }
    };
    byId('return-make').addEventListener('click', async () => {
        try {
            const link = await post(workshopPath(code, '/return-link'));
            replace(byId('return-qr'), drawQR(link.qr, t('return.qr_label')));
            const url = byId('return-url');
            url.value = link.url;
            show(byId('return-result'), true);
            await refresh();
        } catch (error) { toast(errorMessage(error)); }
    });
    byId('return-copy').addEventListener('click', async () => {
        try { await navigator.clipboard.writeText(byId('return-url').value); toast(t('return.copied')); } catch { byId('return-url').select(); }
    });
    byId('return-revoke').addEventListener('click', async () => {
        try {
            await del(workshopPath(code, '/return-link'));
            show(byId('return-result'), false);
            replace(byId('return-qr'));
            byId('return-url').value = '';
            toast(t('return.revoked'));
            await refresh();
        } catch (error) { toast(errorMessage(error)); }
    });
    box.addEventListener('toggle', () => { if (box.open) refresh(); });
}
