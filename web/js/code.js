// Join codes: 6 characters from an alphabet without look-alikes (OfficinaCore JoinCode).
export const JOIN_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE = /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/;

/** Upper-cases and drops spaces and dashes people type ("acd 347" → "ACD347"). */
export function normaliseCode(input) {
    return String(input).toUpperCase().replace(/[\s-]/g, '');
}
