// Strings, language choice and locale formatting. Every visible string lives in /i18n/{lang}.json.
// Language: the one remembered in localStorage, else the browser's (navigator.languages mirrors
// Accept-Language), else English. Static markup opts in with data-i18n="key" (text) and
// data-i18n-attr="attr:key;attr:key" (attributes).

export const LANGUAGES = ['it', 'en'];
const STORAGE_KEY = 'officina.lang';
const listeners = [];
let current = 'en';
let strings = {};

function remembered() {
    try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

/** The language to use: remembered choice, then the browser's preferences, then English. */
export function preferredLanguage() {
    const saved = remembered();
    if (LANGUAGES.includes(saved)) return saved;
    for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
        const base = String(tag || '').toLowerCase().split('-')[0];
        if (LANGUAGES.includes(base)) return base;
    }
    return 'en';
}

export function lang() { return current; }

/** The locale for Intl: the browser's own tag when it is of the chosen language (en-GB → 24-hour
 *  clock), else the bare language. */
export function locale() {
    const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
    return tags.find((tag) => String(tag || '').toLowerCase().split('-')[0] === current) || current;
}

async function load(language) {
    const response = await fetch(`/i18n/${language}.json`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`i18n ${language}: ${response.status}`);
    strings = await response.json();
    current = language;
    document.documentElement.lang = language;
}

/** Loads the strings, translates the page and wires the language switcher. */
export async function initI18n() {
    await load(preferredLanguage());
    translate(document);
    wireSwitcher();
    document.body.classList.remove('loading');
}

/** Switches language, remembers it and lets pages re-render. */
export async function setLanguage(language) {
    if (!LANGUAGES.includes(language) || language === current) return;
    try { localStorage.setItem(STORAGE_KEY, language); } catch { /* private mode: not remembered */ }
    await load(language);
    translate(document);
    wireSwitcher();
    for (const fn of listeners) fn(language);
}

/** Registers a re-render callback for language changes. */
export function onLanguageChange(fn) { listeners.push(fn); }

export function has(key) { return Object.hasOwn(strings, key); }

/** The string for `key` with `{name}` placeholders filled from `params`. */
export function t(key, params = {}) {
    let text = has(key) ? strings[key] : null;
    if (text === null) {
        console.warn(`i18n: missing "${key}" in ${current}`);
        text = key;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Plural form: looks up `key.one`, `key.other`, … by Intl.PluralRules; `{n}` is the formatted count. */
export function tp(key, n, params = {}) {
    const form = new Intl.PluralRules(locale()).select(n);
    const full = has(`${key}.${form}`) ? `${key}.${form}` : `${key}.other`;
    return t(full, { n: formatNumber(n), ...params });
}

/** The name the server stores for a participant who erased their data (`ParticipantRepository.erasedName`). */
const ERASED_NAME = 'deleted participant';

/** A person's name as shown: an erased participant's stored placeholder in the page's language. */
export function personName(name) {
    return name === ERASED_NAME ? t('person.erased') : (name ?? '');
}

/** Picks the chosen language from a localised `{it, en}` object, falling back to the other one. */
export function localized(text) {
    if (text === null || text === undefined) return '';
    if (typeof text === 'string') return text;
    return text[current] || LANGUAGES.map((l) => text[l]).find(Boolean) || '';
}

export function formatNumber(n, options = {}) {
    return new Intl.NumberFormat(locale(), options).format(n);
}

export function formatPercent(share, digits = 0) {
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(share);
}

export function formatDateTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** Applies data-i18n / data-i18n-attr to `root` and its descendants. */
export function translate(root) {
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of root.querySelectorAll('[data-i18n-attr]')) {
        for (const pair of node.dataset.i18nAttr.split(';')) {
            const [attr, key] = pair.split(':').map((s) => s.trim());
            if (attr && key) node.setAttribute(attr, t(key));
        }
    }
    const title = document.querySelector('title[data-i18n]');
    if (title) document.title = t(title.dataset.i18n);
}

function wireSwitcher() {
    for (const button of document.querySelectorAll('[data-lang]')) {
        button.setAttribute('aria-pressed', String(button.dataset.lang === current));
        if (!button.dataset.wired) {
            button.dataset.wired = '1';
            button.addEventListener('click', () => setLanguage(button.dataset.lang));
        }
    }
}
