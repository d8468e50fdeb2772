// The join form's optional participant group (docs/scoring.md §19): the programme's groups plus
// "prefer not to say", which is the default and sends nothing.
import { el, show } from './dom.js';
import { t, localized } from './i18n.js';

/** Fills `select` with `groups` (keeping the current choice when it is still offered) and shows `field`
 * only when there is something to choose. */
export function fillGroups(field, select, groups) {
    const chosen = select.value;
    select.replaceChildren(
        el('option', { value: '', text: t('join.group_none') }),
        ...groups.map((group) => el('option', { value: group.key, text: localized(group.label) })));
    select.value = groups.some((group) => group.key === chosen) ? chosen : '';
    show(field, groups.length > 0);
}
