// fetch wrapper for the JSON API (docs/api.md). Errors come back as ApiError with the API's stable
// code; `errorMessage` turns any error into a friendly sentence in the chosen language.
import { t, has } from './i18n.js';

export class ApiError extends Error {
    constructor(status, code, message, field = null, retryAfter = null) {
        super(message || code);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }
}

/** Calls the API; resolves with the parsed JSON (or null for 204), rejects with ApiError. */
export async function api(method, path, body) {
    const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, init);
    } catch {
        throw new ApiError(0, navigator.onLine === false ? 'offline' : 'network', '');
    }
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    let data = null;
    if (type.includes('json')) data = await response.json().catch(() => null);
    if (!response.ok) throw failure(response, data);
    return data;
}

/** The ApiError for a failed answer, from its JSON error body (`data`, or null when it had none). */
function failure(response, data) {
    const error = data && data.error ? data.error : {};
    const retry = Number.parseInt(response.headers.get('Retry-After') || '', 10);
    // A 429 with a code of its own (e.g. `edit_rate`) keeps it; other 429s read as a generic rate limit.
    const specific = error.code && error.code !== 'rate_limited' && has(`error.${error.code}`);
    const code = response.status === 429 && !specific ? 'rate_limit' : (error.code || `http_${response.status}`);
    if (code === 'unauthenticated') window.dispatchEvent(new CustomEvent('officina:unauthenticated'));
    return new ApiError(response.status, code, error.message || '', error.field || null,
        Number.isFinite(retry) ? retry : null);
}

/**
 * POSTs `body` as JSON to an endpoint that answers a file (an export that is recorded, so it cannot
 * be a GET link) and saves it as the browser saves a download: resolves with the file name once
 * handed over, rejects with ApiError like `api`.
 */
export async function postAndSave(path, body = {}) {
    let response;
    try {
        response = await fetch(path, {
            method: 'POST', credentials: 'same-origin',
            headers: { Accept: '*/*', 'Content-Type': 'application/json' }, body: JSON.stringify(body),
        });
    } catch {
        throw new ApiError(0, navigator.onLine === false ? 'offline' : 'network', '');
    }
    if (!response.ok) {
        const type = response.headers.get('Content-Type') || '';
        throw failure(response, type.includes('json') ? await response.json().catch(() => null) : null);
    }
    const blob = await response.blob();
    // `attachment; filename="officina-contacts-3.csv"` (ExportFile's names are plain ASCII, quoted).
    const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
    const fileName = named ? named[1] : 'download';
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked after the click has been handled: the download already holds the blob.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    return fileName;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

/** `/api/workshops/{code}` plus a suffix, with the code encoded. */
export function workshopPath(code, suffix = '') {
    return `/api/workshops/${encodeURIComponent(code)}${suffix}`;
}

const BY_STATUS = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
    413: 'too_large', 422: 'invalid', 429: 'rate_limit' };

/** A sentence for the person in front of the screen, for any error (ApiError or not). */
export function errorMessage(error) {
    if (!(error instanceof ApiError)) return t('error.unexpected');
    if (error.code === 'rate_limit') {
        return error.retryAfter ? t('error.rate_limit_wait', { seconds: error.retryAfter }) : t('error.rate_limit');
    }
    if (has(`error.${error.code}`)) return t(`error.${error.code}`, { seconds: error.retryAfter ?? '' });
    const generic = BY_STATUS[error.status] || (error.status >= 500 ? 'server' : 'unexpected');
    // Unknown code: say what kind of problem it is and keep the server's own words as detail.
    return error.message ? `${t(`error.${generic}`)} (${error.message})` : t(`error.${generic}`);
}
