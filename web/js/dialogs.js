// A confirmation built on <dialog>: focus moves into it, Esc cancels, the answer is a promise.
import { byId, setText } from './dom.js';
import { t } from './i18n.js';

/** Asks for confirmation; resolves true only when the person presses the confirm button. */
export function confirmDialog({ title, text, confirmLabel }) {
    const dialog = byId('confirm-dialog');
    setText(byId('confirm-title'), title);
    setText(byId('confirm-text'), text);
    setText(byId('confirm-ok'), confirmLabel || t('dialog.confirm'));
    dialog.returnValue = 'cancel';
    return new Promise((resolve) => {
        dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
        dialog.showModal();
        byId('confirm-cancel').focus();
    });
}
