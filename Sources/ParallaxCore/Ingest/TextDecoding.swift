import Foundation

/// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, Latin-1 when the
/// bytes are not UTF-8 but look like it; invalid UTF-8 is replaced, never fatal. NUL bytes mean a
/// binary file.
public enum TextDecoding {
    public enum Outcome: Equatable {
        case text(String, note: String?)
        case binary
    }

    public static func decode(_ data: Data) -> Outcome {
        let bytes = [UInt8](data.prefix(4))
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return utf16(data.dropFirst(2), bigEndian: false, note: nil)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return utf16(data.dropFirst(2), bigEndian: true, note: nil)
        }
        var body = data
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { body = data.dropFirst(3) }
        if body.contains(0) {
            // Windows "Unicode" text saved without a BOM has a NUL in every other byte; anything else
            // with NULs is binary.
            if let bigEndian = utf16WithoutBOM(body) {
                return utf16(body, bigEndian: bigEndian, note: "decoded as UTF-16 (no byte order mark)")
            }
            return .binary
        }
        if let s = String(validatingUTF8Data: body) { return .text(s, note: nil) }
        // Not UTF-8. Latin-1 (Windows-1252's printable part) when high bytes are isolated letters;
        // otherwise UTF-8 with replacement characters.
        if looksLikeLatin1(body) {
            return .text(String(body.map { Character(Unicode.Scalar($0)) }), note: "decoded as Latin-1")
        }
        return .text(String(decoding: body, as: UTF8.self), note: "invalid UTF-8 replaced")
    }

    /// UTF-16 code units assembled from byte pairs (no memory rebinding, so any alignment and an odd
    /// trailing byte are fine: the odd byte becomes U+FFFD). Unpaired surrogates become U+FFFD.
    /// A NUL code unit still means a binary file.
    static func utf16(_ data: Data, bigEndian: Bool, note: String?) -> Outcome {
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2 + 1)
        var i = data.startIndex
        while i + 1 < data.endIndex {
            let a = UInt16(data[i]), b = UInt16(data[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        if units.contains(0) { return .binary }
        var text = String(decoding: units, as: UTF16.self)
        if i < data.endIndex { text.append("\u{FFFD}") }
        return .text(text, note: note)
    }

    /// Whether BOM-less bytes look like UTF-16 text: even length, and nearly every code unit has a
    /// zero high byte and a non-zero low byte (Latin script). Returns the byte order, or nil.
    static func utf16WithoutBOM(_ data: Data) -> Bool? {
        let sample = data.prefix(4096)
        guard sample.count >= 8 else { return nil }
        var evenZero = 0, oddZero = 0, pairs = 0
        var i = sample.startIndex
        while i + 1 < sample.endIndex {
            if sample[i] == 0 { evenZero += 1 }
            if sample[i + 1] == 0 { oddZero += 1 }
            pairs += 1
            i += 2
        }
        if oddZero * 10 >= pairs * 9 && evenZero == 0 { return false }   // little-endian: "A\0B\0"
        if evenZero * 10 >= pairs * 9 && oddZero == 0 { return true }    // big-endian: "\0A\0B"
        return nil
    }

    /// Latin-1 text has high bytes in 0xA0…0xFF mostly, and rarely the lead/continuation pairs of UTF-8.
    static func looksLikeLatin1(_ data: Data) -> Bool {
        var high = 0
        var control = 0
        for b in data where b >= 0x80 {
            high += 1
            if b < 0xA0 { control += 1 }
        }
        return high > 0 && control * 10 < high
    }
}

extension String {
    /// Strict UTF-8 decoding: nil when any byte sequence is invalid.
    init?(validatingUTF8Data data: Data) {
        guard let s = String(bytes: data, encoding: .utf8) else { return nil }
        self = s
    }
}
