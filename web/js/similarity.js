// Likely duplicates by title similarity, computed in the browser for the facilitator.
// Titles are normalised (lower case, accents removed, punctuation dropped), split into tokens,
// stop words removed and each token cut to a 5-letter stem so "spazi"/"spazio" or
// "events"/"event" meet; two titles are compared by the Dice coefficient of their token sets.

const STOP = new Set(('a ad al alla alle allo ai agli con da dal dalla dei del della delle di e ed è ' +
    'gli i il in la le lo nei nel nella o per su sul sulla tra fra un una uno che non più come ' +
    'the of and or to in on for with an by from at is are be our we it its this that as into').split(' '));

/** The set of stems of a title. */
export function tokens(title) {
    const plain = String(title).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const words = plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP.has(w));
    return new Set(words.map((w) => w.slice(0, 5)));
}

/** Dice coefficient of two titles' stem sets, 0…1. */
export function similarity(a, b) {
    const x = tokens(a);
    const y = tokens(b);
    if (x.size === 0 || y.size === 0) return 0;
    let shared = 0;
    for (const token of x) if (y.has(token)) shared += 1;
    return (2 * shared) / (x.size + y.size);
}

/** Pairs of proposals whose titles look alike, most similar first. */
export function likelyDuplicates(proposals, threshold = 0.5) {
    const pairs = [];
    for (let i = 0; i < proposals.length; i += 1) {
        for (let j = i + 1; j < proposals.length; j += 1) {
            const score = similarity(proposals[i].title, proposals[j].title);
            if (score >= threshold) pairs.push({ a: proposals[i], b: proposals[j], score });
        }
    }
    return pairs.sort((p, q) => q.score - p.score || p.a.id - q.a.id);
}
