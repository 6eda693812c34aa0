import Foundation

/// A calendar day without time or zone: what news dates are. Encodes as `YYYY-MM-DD`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    // Packed (8 bytes, not 24): every event mention carries up to two days, and a corpus holds
    // millions of mentions (issue 14, memory proportional to text).
    private let y: Int32
    private let m: UInt8
    private let d: UInt8
    public var year: Int { Int(y) }
    public var month: Int { Int(m) }
    public var day: Int { Int(d) }

    /// Returns nil for impossible dates (Feb 30, month 13, …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
              (1000...9999).contains(year) else { return nil }
        self.y = Int32(year)
        self.m = UInt8(month)
        self.d = UInt8(day)
    }

    /// Parses `YYYY-MM-DD` (and the date part of an ISO timestamp).
    public init?(iso: String) {
        let s = FastText.trimmed(iso)
        let parts = s.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[0].count == 4 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        // Digit by digit: `String(format:)` cost more than sorting the events it labels. The year is
        // always four digits (see init).
        var u: [UInt8] = [48, 48, 48, 48, 45, 48, 48, 45, 48, 48]
        var y = year
        for i in stride(from: 3, through: 0, by: -1) { u[i] = UInt8(48 + y % 10); y /= 10 }
        u[5] = UInt8(48 + month / 10); u[6] = UInt8(48 + month % 10)
        u[8] = UInt8(48 + day / 10); u[9] = UInt8(48 + day % 10)
        return String(decoding: u, as: UTF8.self)
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic without Foundation calendars.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.y = Int32(clamping: yoe + era * 400 + (m <= 2 ? 1 : 0))
        self.m = UInt8(m)
        self.d = UInt8(d)
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let w = (ordinal + 4) % 7  // 1970-01-01 was a Thursday
        return w < 0 ? w + 7 : w
    }

    public func distance(to other: Day) -> Int { other.ordinal - ordinal }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY-MM-DD date: \(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
