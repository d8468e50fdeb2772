// A confirmation built on <dialog>: focus moves into it, Esc cancels, the answer is a promise.
import { el, byId, setText } from './dom.js';
import { t } from './i18n.js';

/** The page's #confirm-dialog; pages without one in their markup get one built on first use. */
function confirmBox() {
    const existing = document.getElementById('confirm-dialog');
    if (existing) return existing;
    const dialog = el('dialog', { id: 'confirm-dialog', attrs: { 'aria-labelledby': 'confirm-title' } }, [
        el('form', { method: 'dialog' }, [
            el('h2', { id: 'confirm-title' }),
            el('p', { id: 'confirm-text' }),
            el('div', { class: 'dialog-actions' }, [
                el('button', { type: 'submit', value: 'cancel', id: 'confirm-cancel' }),
                el('button', { type: 'submit', value: 'ok', id: 'confirm-ok', class: 'primary' }),
            ]),
        ]),
    ]);
    document.body.append(dialog);
    return dialog;
}

/** Asks for confirmation; resolves true only when the person presses the confirm button. */
export function confirmDialog({ title, text, confirmLabel }) {
    const dialog = confirmBox();
    setText(byId('confirm-title'), title);
    setText(byId('confirm-text'), text);
    setText(byId('confirm-cancel'), t('dialog.cancel'));
    setText(byId('confirm-ok'), confirmLabel || t('dialog.confirm'));
    dialog.returnValue = 'cancel';
    return new Promise((resolve) => {
        dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
        dialog.showModal();
        byId('confirm-cancel').focus();
    });
}
