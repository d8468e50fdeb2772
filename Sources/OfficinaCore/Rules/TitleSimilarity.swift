import Foundation

/// How alike two proposal titles are, to suggest likely duplicates for merging.
///
/// Titles are folded (case, accents, width: "Città" ≈ "citta"), split into words, and common Italian and
/// English function words are dropped ("un orto per il quartiere" ≈ "orto quartiere"). The score is the
/// larger of two measures, each 0…1:
/// - word overlap: Jaccard index of the word sets (catches reordered words);
/// - spelling overlap: Sørensen–Dice coefficient of the character trigrams of each word padded with
///   spaces (catches plurals, inflections and typos: "orti comunitari" ≈ "orto comunitario").
/// Deterministic; symmetric; 1 for titles that fold to the same words.
public enum TitleSimilarity {
    /// Default threshold for `likelyDuplicates`, tuned on the examples in the tests.
    public static let defaultThreshold = 0.6

    /// Similarity of two titles, 0…1.
    public static func score(_ a: String, _ b: String) -> Double {
        score(Features(a), Features(b))
    }

    /// Pairs of proposals whose titles score at least `threshold`, most similar first (ties by ids).
    public static func likelyDuplicates(
        _ titles: [(id: Int64, title: String)], threshold: Double = defaultThreshold
    ) -> [DuplicateSuggestion] {
        let features = titles.map { (id: $0.id, features: Features($0.title)) }
        var pairs = [DuplicateSuggestion]()
        for i in features.indices {
            for j in features.indices where j > i && features[i].id != features[j].id {
                let similarity = score(features[i].features, features[j].features)
                guard similarity >= threshold else { continue }
                let (low, high) = (min(features[i].id, features[j].id), max(features[i].id, features[j].id))
                pairs.append(DuplicateSuggestion(first: low, second: high, similarity: (similarity * 1_000).rounded() / 1_000))
            }
        }
        return pairs.sorted { left, right in
            if left.similarity != right.similarity { return left.similarity > right.similarity }
            return (left.first, left.second) < (right.first, right.second)
        }
    }

    private static func score(_ a: Features, _ b: Features) -> Double {
        guard !a.words.isEmpty, !b.words.isEmpty else { return 0 }
        let wordJaccard = Double(a.words.intersection(b.words).count) / Double(a.words.union(b.words).count)
        let shared = a.trigrams.intersection(b.trigrams).count
        let dice = 2 * Double(shared) / Double(a.trigrams.count + b.trigrams.count)
        return max(wordJaccard, dice)
    }

    /// A title's folded content words and their trigrams, computed once per title.
    private struct Features {
        var words: Set<String>
        var trigrams: Set<String>

        init(_ title: String) {
            let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            let all = folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
            let content = all.filter { !TitleSimilarity.stopWords.contains($0) }
            words = Set(content.isEmpty ? all : content)
            var grams = Set<String>()
            for word in words {
                let padded = Array(" \(word) ")
                for start in 0...(padded.count - 3) {
                    grams.insert(String(padded[start..<start + 3]))
                }
            }
            trigrams = grams
        }
    }

    /// Articles, prepositions and conjunctions that say nothing about an idea.
    static let stopWords: Set<String> = [
        "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "di", "a", "da", "in", "con", "su", "per",
        "tra", "fra", "e", "ed", "o", "del", "dello", "della", "dei", "degli", "delle", "al", "allo", "alla",
        "ai", "agli", "alle", "dal", "dalla", "dai", "nel", "nello", "nella", "nei", "negli", "nelle", "sul",
        "sulla", "sui", "che", "d", "the", "an", "of", "and", "or", "to", "for", "on", "with", "at", "by", "from",
    ]
}
