/// A half-open range of Unicode scalar offsets into an article's clean `body`
/// (the same offsets Python's `str` indexing uses, so JSON consumers can slice with them).
public struct TextRange: Hashable, Sendable, Codable, Comparable {
    // 32-bit offsets (bodies are capped at 4 MB): ranges are most of a mention's bytes, and a corpus
    // holds millions of mentions (issue 14, memory proportional to text).
    private var s: Int32
    private var e: Int32
    public var start: Int {
        get { Int(s) }
        set { s = Int32(clamping: newValue) }
    }
    public var end: Int {
        get { Int(e) }
        set { e = Int32(clamping: newValue) }
    }
    public init(start: Int, end: Int) {
        self.s = Int32(clamping: start)
        self.e = Int32(clamping: max(start, end))
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
    public var length: Int { end - start }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }
    public static func < (a: TextRange, b: TextRange) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
