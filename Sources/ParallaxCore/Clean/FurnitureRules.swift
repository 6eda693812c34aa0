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
    /// What `init(lines:)` skips a line for, nil for a rule it reads (`DataFileCheck`).
    static func lineProblem(_ line: String) -> String? {
        guard let op = line.first, "=^~$>@".contains(op) else {
            return "a rule starts with = (the whole line), ^ (starts with), ~ (contains), $ (ends with), > (ends the article) or @ (attribution)"
        }
        return line.dropFirst().trimmingCharacters(in: .whitespaces).isEmpty ? "no text after \(op)" : nil
    }

    public static func shipped() -> FurnitureRules {
        FurnitureRules(lines: ResourceFiles.lines(of: "furniture.txt"))
    }

    /// Lower-cased, curly apostrophes straightened, whitespace collapsed.
    static func fold(_ s: String) -> String {
        // ASCII fast path: bytes, no Unicode properties.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count)
            var lastSpace = true
            for b in s.utf8 {
                if b == 0x20 || b == 0x09 {
                    if !lastSpace { bytes.append(0x20) }
                    lastSpace = true
                    continue
                }
                lastSpace = false
                bytes.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
            }
            if bytes.last == 0x20 { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        // By scalars, not characters: grapheme breaking and Character properties cost more than the rest.
        var out = String.UnicodeScalarView()
        var lastSpace = true
        for u in s.unicodeScalars {
            if FastText.isSpace(u) {
                if !lastSpace { out.append(" ") }
                lastSpace = true
                continue
            }
            lastSpace = false
            if u.value < 0x80 {
                out.append(u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(UInt8(u.value + 32)) : u)
            } else if u == "’" || u == "‘" {
                out.append("'")
            } else if u.properties.changesWhenLowercased {
                out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(u)
            }
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// Letters and digits only, lower-cased: the key for whole-line rules.
    static func key(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " " }
            .map(Character.init)).split(separator: " ").joined(separator: " ")
    }

    /// Why a line is furniture, or nil.
    func furnitureReason(_ line: String, folded: String) -> String? {
        // The byte count first: counting the characters of every paragraph cost more than the lookup.
        if folded.utf8.count <= 240, folded.count <= 60, exact.contains(FurnitureRules.key(line)) { return "navigation or widget" }
        for p in prefixes where FastText.hasPrefix(folded, p) { return "boilerplate phrase" }
        for c in contains where FastText.contains(folded, c) { return "boilerplate phrase" }
        if folded.utf8.count <= 400 {
            for s in suffixes where FastText.hasSuffix(folded, s) { return "teaser link" }
        }
        return nil
    }

    /// True when a short line opens a trailer (comment form and the like).
    func isTrailer(folded: String, words: Int) -> Bool {
        guard words <= 8 else { return false }
        return trailers.contains { FastText.hasPrefix(folded, $0) }
    }

    /// The prefix of an attribution line, if the line is one.
    func attributionPrefix(folded: String) -> String? {
        attributions.first { FastText.hasPrefix(folded, $0 + " ") || folded == $0 }
    }
}
