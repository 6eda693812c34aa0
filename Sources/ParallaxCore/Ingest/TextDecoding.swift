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
            return .text(String(decoding: data.dropFirst(2).withUnsafeBytes { Array($0.bindMemory(to: UInt16.self)) }.map { UInt16(littleEndian: $0) }, as: UTF16.self), note: nil)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return .text(String(decoding: data.dropFirst(2).withUnsafeBytes { Array($0.bindMemory(to: UInt16.self)) }.map { UInt16(bigEndian: $0) }, as: UTF16.self), note: nil)
        }
        var body = data
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { body = data.dropFirst(3) }
        if body.contains(0) { return .binary }
        if let s = String(validatingUTF8Data: body) { return .text(s, note: nil) }
        // Not UTF-8. Latin-1 (Windows-1252's printable part) when high bytes are isolated letters;
        // otherwise UTF-8 with replacement characters.
        if looksLikeLatin1(body) {
            return .text(String(body.map { Character(Unicode.Scalar($0)) }), note: "decoded as Latin-1")
        }
        return .text(String(decoding: body, as: UTF8.self), note: "invalid UTF-8 replaced")
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
