import Foundation

/// Makes JSON text that other readers accept acceptable to Foundation: a lone UTF-16 surrogate escape
/// (`"\ud800"`, what a scraper writes when it cuts an emoji's pair in two; Python and JavaScript take
/// it) is rewritten to `\ufffd` before parsing, as invalid UTF-8 already becomes U+FFFD. Foundation
/// rejects the whole document otherwise.
public enum LenientJSON {
    /// The bytes with every unpaired surrogate escape replaced by `\ufffd`, and how many were replaced.
    /// One pass, linear in the size; the bytes are copied only when something is replaced. The rewrite
    /// keeps the length (`\udXXX` and `\ufffd` are both six bytes), so offsets in error messages hold.
    public static func repairingLoneSurrogates(_ data: Data) -> (data: Data, replaced: Int) {
        var out: [UInt8]? = nil
        var replaced = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            let n = b.count
            var i = 0
            while i < n {
                guard b[i] == 0x5C else { i += 1; continue }  // "\"
                // An escape is a backslash and the byte after it; consuming both keeps "\\ud800" (an
                // escaped backslash, then text) from being read as an escape.
                guard i + 1 < n else { break }
                guard b[i + 1] == 0x75, let unit = hex4(b, i + 2) else { i += 2; continue }  // "u"
                if (0xD800...0xDBFF).contains(unit) {
                    if i + 11 < n, b[i + 6] == 0x5C, b[i + 7] == 0x75, let low = hex4(b, i + 8),
                       (0xDC00...0xDFFF).contains(low) {
                        i += 12  // a proper pair
                        continue
                    }
                } else if !(0xDC00...0xDFFF).contains(unit) {
                    i += 6
                    continue
                }
                // A high surrogate without its low half, or a low one without a high before it.
                if out == nil { out = Array(b) }
                out?.replaceSubrange((i + 2)..<(i + 6), with: [0x66, 0x66, 0x66, 0x64])  // "fffd"
                replaced += 1
                i += 6
            }
        }
        guard let bytes = out else { return (data, 0) }
        return (Data(bytes), replaced)
    }

    /// The value of four hex digits at `at`, or nil if they are not there.
    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int? {
        guard at + 4 <= b.count else { return nil }
        var v = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: Int
            switch c {
            case 0x30...0x39: d = Int(c) - 0x30
            case 0x41...0x46: d = Int(c) - 0x41 + 10
            case 0x61...0x66: d = Int(c) - 0x61 + 10
            default: return nil
            }
            v = v * 16 + d
        }
        return v
    }

    /// `JSONSerialization.jsonObject` after the repair, with a note when something was replaced.
    static func object(with data: Data, options: JSONSerialization.ReadingOptions = []) throws -> (Any, note: String?) {
        let (fixed, replaced) = repairingLoneSurrogates(data)
        let value = try JSONSerialization.jsonObject(with: fixed, options: options)
        let note = replaced == 0 ? nil
            : "\(replaced) unpaired UTF-16 surrogate escape\(replaced == 1 ? "" : "s") replaced with U+FFFD"
        return (value, note)
    }
}
