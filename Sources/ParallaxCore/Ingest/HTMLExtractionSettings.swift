/// The thresholds, element names and class/id hints of content extraction, read from
/// `Resources/data/html-extraction.txt` (and the user's file of that name): knowledge as data.
public struct HTMLExtractionSettings: Sendable {
    public var numbers: [String: Double] = [:]
    public var words: [String: [String]] = [:]

    /// The shipped settings plus the user's, read once per process.
    public static let shipped = HTMLExtractionSettings(lines: ResourceFiles.lines(of: "html-extraction.txt"))

    public init(lines: [String]) {
        for line in lines {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { continue }
            if let n = Double(value) {
                numbers[key] = n
            } else {
                words[key, default: []].append(contentsOf: value.split(separator: " ").map(String.init))
            }
        }
    }

    public func number(_ key: String, _ fallback: Double) -> Double { numbers[key] ?? fallback }
    public func list(_ key: String) -> [String] { words[key] ?? [] }
    public func set(_ key: String) -> Set<String> { Set(list(key)) }
    public func lowercasedList(_ key: String) -> [String] { list(key).map { $0.lowercased() } }

    /// `div:5 h1:-5` → ["div": 5, "h1": -5].
    public func weights(_ key: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for w in list(key) {
            let parts = w.split(separator: ":")
            if parts.count == 2, let n = Double(parts[1]) { out[String(parts[0])] = n }
        }
        return out
    }
}

/// Class/id hint words matched against an element's `class` and `id`: a plain word as a substring
/// (as Readability's regular expressions do), `^word$` as the whole value.
struct HintMatcher: Sendable {
    var substrings: [String] = []
    var exact: Set<String> = []

    init(_ words: [String]) {
        for w in words {
            if w.hasPrefix("^") && w.hasSuffix("$") && w.count > 2 {
                exact.insert(String(w.dropFirst().dropLast()))
            } else {
                substrings.append(w)
            }
        }
    }

    func matches(_ lowercased: String) -> Bool {
        guard !lowercased.isEmpty else { return false }
        if exact.contains(lowercased) { return true }
        for s in substrings where FastText.contains(lowercased, s) { return true }
        return false
    }
}
