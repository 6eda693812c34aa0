/// A compact binary encoding (LEB128 varints, length-prefixed UTF-8, raw IEEE doubles) for results
/// that an index keeps and reads back in bulk. Foundation's JSON coders on Linux cost more than the
/// extraction they would save; this is a few byte copies per field.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ v: Int) {
        // Zig-zag, so that small negative numbers (-1 for "the headline") stay one byte.
        var u = UInt64(bitPattern: Int64((v << 1) ^ (v >> (Int.bitWidth - 1))))
        while u >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: u) | 0x80)
            u >>= 7
        }
        bytes.append(UInt8(u))
    }

    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    public mutating func double(_ v: Double) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            int(buf.count)
            bytes.append(contentsOf: buf)
        }
    }

    /// A presence flag, then the value.
    public mutating func optional<T>(_ v: T?, _ write: (inout ByteWriter, T) -> Void) {
        if let v {
            bool(true)
            write(&self, v)
        } else {
            bool(false)
        }
    }

    public mutating func array<T>(_ xs: [T], _ write: (inout ByteWriter, T) -> Void) {
        int(xs.count)
        for x in xs { write(&self, x) }
    }
}

/// Reads what `ByteWriter` wrote; every read fails (nil) on truncated or malformed input rather
/// than trapping, since the bytes come from a file on disk.
public struct ByteReader {
    private let bytes: [UInt8]
    private var at = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isAtEnd: Bool { at == bytes.count }

    public mutating func int() -> Int? {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count, shift < 64 {
            let b = bytes[at]
            at += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 {
                return Int(Int64(bitPattern: u >> 1) ^ (0 &- Int64(bitPattern: u & 1)))
            }
            shift += 7
        }
        return nil
    }

    public mutating func bool() -> Bool? {
        guard at < bytes.count, bytes[at] <= 1 else { return nil }
        at += 1
        return bytes[at - 1] == 1
    }

    public mutating func double() -> Double? {
        guard at + 8 <= bytes.count else { return nil }
        var u: UInt64 = 0
        for i in 0..<8 { u |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
        at += 8
        return Double(bitPattern: u)
    }

    public mutating func string() -> String? {
        guard let n = int(), n >= 0, at + n <= bytes.count else { return nil }
        let s = String(decoding: bytes[at..<(at + n)], as: UTF8.self)
        at += n
        return s
    }

    /// nil: malformed; .some(nil): absent.
    public mutating func optional<T>(_ read: (inout ByteReader) -> T?) -> T?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let v = read(&self) else { return nil }
        return .some(v)
    }

    public mutating func array<T>(_ read: (inout ByteReader) -> T?) -> [T]? {
        guard let n = int(), n >= 0, n <= bytes.count - at else { return nil }
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let v = read(&self) else { return nil }
            out.append(v)
        }
        return out
    }
}
