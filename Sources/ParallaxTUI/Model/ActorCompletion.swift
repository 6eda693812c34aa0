import ParallaxCore

/// Completion of what the user types at the actor prompt, shared by every `CorpusQuery`: names and
/// aliases that start with it, then those containing it, then spelling variants (`Fold.nameKey`);
/// the most mentioned first within each, at most 50.
public enum ActorCompletion {
    /// `names[i]`: the names and aliases of actor `i` as typed, folded, and as name keys.
    /// `actor(i)`: its display name, id and mention count.
    public static func complete(_ text: String, names: [[(label: String, folded: String, key: String)]],
                                actor: (Int) -> (name: String, id: String, mentions: Int)) -> [Completion] {
        let q = Fold.text(text)
        let qk = Fold.nameKey(text)
        var scored: [(rank: Int, order: Int, c: Completion)] = []
        for (i, forms) in names.enumerated() {
            var best: (Int, String)? = nil
            for n in forms {
                let r: Int
                if q.isEmpty { r = 3 } else if n.folded.hasPrefix(q) { r = 0 } else if n.folded.contains(q) { r = 1 }
                else if !qk.isEmpty, n.key.contains(qk) { r = 2 } else { continue }
                if r < (best?.0 ?? Int.max) { best = (r, n.label) }
            }
            guard let (r, via) = best else { continue }
            let a = actor(i)
            let note = via == a.name ? nil : "also “\(via)”"
            scored.append((r, -a.mentions * 10_000 + i, Completion(label: a.name, value: a.id, note: note)))
        }
        scored.sort { ($0.rank, $0.order) < ($1.rank, $1.order) }
        return scored.prefix(50).map(\.c)
    }
}
