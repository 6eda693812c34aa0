/// A half-open range of Unicode scalar offsets into an article's clean `body`
/// (the same offsets Python's `str` indexing uses, so JSON consumers can slice with them).
public struct TextRange: Hashable, Sendable, Codable, Comparable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }
    public var length: Int { end - start }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }
    public static func < (a: TextRange, b: TextRange) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
