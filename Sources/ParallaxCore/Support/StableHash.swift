/// FNV-1a, 64-bit: a stable hash for ids and change detection (Swift's `Hasher` is seeded per run).
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<S: Sequence>(bytes: S) where S.Element == UInt8 {
        var h = value
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        value = h
    }

    public mutating func combine(_ string: String) {
        combine(bytes: string.utf8)
        combine(bytes: [0xFF])  // separator: "ab"+"c" ≠ "a"+"bc"
    }

    /// Lower-case hex, `digits` long (at most 16).
    public func hex(digits: Int = 16) -> String {
        let s = String(value, radix: 16)
        let full = String(repeating: "0", count: max(0, 16 - s.count)) + s
        return String(full.prefix(digits))
    }

    public static func hex(of string: String, digits: Int = 16) -> String {
        var h = StableHash()
        h.combine(string)
        return h.hex(digits: digits)
    }
}
