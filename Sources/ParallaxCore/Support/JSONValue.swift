/// A JSON value with ordered object keys, serialised by hand so that key order is stable and every
/// control character (C0, DEL, C1, bidi and zero-width format characters) is `\u`-escaped:
/// JSON printed to a terminal can't drive it.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    public static func str(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Compact, or indented by two spaces when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite {
                out += d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
            } else {
                out += "null"
            }
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
                item.write(into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent) }
            out += "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (k, v)) in fields.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
                JSONValue.writeString(k, into: &out)
                out += pretty ? ": " : ":"
                v.write(into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent) }
            out += "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        // Printable ASCII other than `"` and `\` goes out as it is (what the loop below would write):
        // most strings are only that, and the loop, a scalar at a time, was most of `articles --json`.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        /// `\uXXXX`, beyond the BMP as a surrogate pair, as JSON spells it.
        func escape(_ u: Unicode.Scalar) {
            for unit in String(u).utf16 {
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        out += "\""
        var marks = 0
        for u in s.unicodeScalars {
            // Combining marks past the sanitiser's cap are escaped too: the text decodes the same, and a
            // terminal showing the JSON does not stack 1,000 marks on one letter.
            if u.value >= 0x300, u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark {
                marks += 1
                if marks > TerminalSafe.maxMarks {
                    escape(u)
                    continue
                }
            } else {
                marks = 0
            }
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // What the terminal sanitiser replaces is escaped (it still decodes to the same text).
                if TerminalSafe.needsReplacement(u) { escape(u) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }
}
