// What every page shares: strings loaded before anything renders, the workshop code from the URL.
import { initI18n } from './i18n.js';
import { JOIN_CODE } from './code.js';

/** The workshop code of /w/{code} and /screen/{code} (or ?code= as a fallback), upper-cased. */
export function codeFromLocation() {
    const fromPath = location.pathname.split('/').filter(Boolean).pop() || '';
    const fromQuery = new URLSearchParams(location.search).get('code') || '';
    for (const candidate of [fromPath, fromQuery]) {
        const code = candidate.trim().toUpperCase();
        if (JOIN_CODE.test(code)) return code;
    }
    return null;
}

/** Loads strings and runs `main`; a failure to start shows a plain message instead of a blank page. */
export async function start(main) {
    try {
        await initI18n();
    } catch (error) {
        document.body.classList.remove('loading');
        throw error;
    }
    await main();
}
