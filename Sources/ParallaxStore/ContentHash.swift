/// A stable 64-bit FNV-1a hash: the content hash of source files and the fingerprint of analysis rows.
/// (Swift's `Hasher` is seeded per process, so it cannot be stored.)
public struct ContentHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    public init() {}

    public mutating func add<C: Collection>(bytes: C) where C.Element == UInt8 {
        var h = state
        for b in bytes {
            h ^= UInt64(b)
            h = h &* Self.prime
        }
        state = h
    }

    public mutating func add(_ buffer: UnsafeRawBufferPointer) {
        var h = state
        for b in buffer {
            h ^= UInt64(b)
            h = h &* Self.prime
        }
        state = h
    }

    /// Adds a string and a separator, so that ("ab","c") and ("a","bc") differ.
    public mutating func add(_ s: String?) {
        if let s {
            var s = s
            s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
            add(bytes: [0x1f])
        } else {
            add(bytes: [0x1e])
        }
    }

    public mutating func add(_ i: Int) {
        withUnsafeBytes(of: i.littleEndian) { add($0) }
    }

    public var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    public static func hex<C: Collection>(of bytes: C) -> String where C.Element == UInt8 {
        var h = ContentHash()
        h.add(bytes: bytes)
        return h.hex
    }

    /// The fingerprint of an article with no analysis rows.
    public static let emptyHex = ContentHash().hex
}
