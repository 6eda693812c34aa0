/// The furniture phrase rules of `Resources/data/furniture.txt` (and the user's extension), compiled
/// for fast line tests. See that file for the rule syntax.
public struct FurnitureRules: Sendable {
    var exact: Set<String> = []
    var prefixes: [String] = []
    var contains: [String] = []
    var suffixes: [String] = []
    var trailers: [String] = []
    var attributions: [String] = []

    public init(lines: [String]) {
        for line in lines {
            guard let op = line.first else { continue }
            let text = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            switch op {
            case "=": exact.insert(FurnitureRules.key(text))
            case "^": prefixes.append(FurnitureRules.fold(text))
            case "~": contains.append(FurnitureRules.fold(text))
            case "$": suffixes.append(FurnitureRules.fold(text))
            case ">": trailers.append(FurnitureRules.fold(text))
            case "@": attributions.append(FurnitureRules.fold(text))
            default: continue
            }
        }
        // Longest attribution prefix first, so "Some information for this report came from" beats "Some".
        attributions.sort { $0.count > $1.count }
    }

    /// The shipped rules plus the user's.
    public static func shipped() -> FurnitureRules {
        FurnitureRules(lines: ResourceFiles.lines(of: "furniture.txt"))
    }

    /// Lower-cased, curly apostrophes straightened, whitespace collapsed.
    static func fold(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var lastSpace = true
        for c in s.lowercased() {
            if c.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
                continue
            }
            lastSpace = false
            out.append(c == "’" || c == "‘" ? "'" : c)
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// Letters and digits only, lower-cased: the key for whole-line rules.
    static func key(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " " }
            .map(Character.init)).split(separator: " ").joined(separator: " ")
    }

    /// Why a line is furniture, or nil.
    func furnitureReason(_ line: String, folded: String) -> String? {
        if folded.count <= 60, exact.contains(FurnitureRules.key(line)) { return "navigation or widget" }
        for p in prefixes where folded.hasPrefix(p) { return "boilerplate phrase" }
        for c in contains where folded.contains(c) { return "boilerplate phrase" }
        if folded.count <= 160 {
            for s in suffixes where folded.hasSuffix(s) { return "teaser link" }
        }
        return nil
    }

    /// True when a short line opens a trailer (comment form and the like).
    func isTrailer(folded: String, words: Int) -> Bool {
        guard words <= 8 else { return false }
        return trailers.contains { folded.hasPrefix($0) }
    }

    /// The prefix of an attribution line, if the line is one.
    func attributionPrefix(folded: String) -> String? {
        attributions.first { folded.hasPrefix($0 + " ") || folded == $0 }
    }
}
