// "Your data" on the participant page: download everything stored about you, or erase it (the ballot
// stays, anonymous, so the results remain valid). See docs/privacy.md.
import { byId, toast } from './dom.js';
import { del, workshopPath, errorMessage } from './api.js';
import { t } from './i18n.js';
import { confirmDialog } from './dialogs.js';

export function initMyData({ code }) {
    byId('data-download').href = workshopPath(code, '/me/data');
    byId('data-erase').addEventListener('click', async () => {
        const ok = await confirmDialog({ title: t('privacy.erase_title'), text: t('privacy.erase_text'), confirmLabel: t('privacy.erase') });
        if (!ok) return;
        try {
            await del(workshopPath(code, '/me'));
            location.replace('/');
        } catch (error) { toast(errorMessage(error)); }
    });
}
