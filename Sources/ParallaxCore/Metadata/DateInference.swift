/// Corpus-wide date inference: a header date without a year (`Friday, January 21`) takes the year in
/// which that day is that weekday, nearest to the other dates of the corpus.
public enum DateInference {
    public static func resolvePartialDates(_ articles: inout [Article], today: Day? = nil) {
        // Captions date photos, which may be old: they don't set the corpus's reference.
        let known = articles.compactMap { $0.published?.source == .caption ? nil : $0.published?.day }.sorted()
        let reference = known.isEmpty ? today : known[known.count / 2]
        for i in articles.indices {
            guard articles[i].published == nil, let partial = articles[i].partialDate, let ref = reference else { continue }
            guard let day = partial.resolved(near: ref) else { continue }
            let confidence = partial.weekday != nil ? (known.isEmpty ? 0.5 : 0.8) : 0.5
            articles[i].published = DatedValue(day: day, source: partial.weekday != nil ? .text : .inferred,
                                               confidence: confidence)
            articles[i].partialDate = nil
        }
    }
}
