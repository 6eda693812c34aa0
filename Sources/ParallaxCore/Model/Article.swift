import Foundation

/// The file format an article was read from.
public enum SourceFormat: String, Sendable, Codable {
    case text, markdown, html, json, jsonl
}

/// Where a piece of metadata came from; the CLI prints these as `publishedSource`.
public enum MetadataSource: String, Sendable, Codable, Comparable {
    /// Front matter, a manifest, or a JSON export's field: the user said so.
    case given
    /// Page metadata (`<meta>`, `<time>`, `<title>`).
    case page
    /// The article's address: a date in its path (`/2022/05/05/`), its site's name.
    case url
    /// A dateline or header line of the text.
    case text
    /// A photo caption: weaker evidence than the text.
    case caption
    /// A weekday or relative expression resolved against other dates.
    case inferred
    /// Taken from the event the article reports (the events layer sets it).
    case event = "inferred from event"
    case none

    /// Higher wins when two sources disagree.
    var strength: Int {
        switch self {
        case .given: return 7
        case .page: return 6
        case .url: return 5
        case .text: return 4
        case .caption: return 3
        case .inferred: return 2
        case .event: return 1
        case .none: return 0
        }
    }

    public static func < (a: MetadataSource, b: MetadataSource) -> Bool { a.strength < b.strength }
}

/// Metadata a user or a page states explicitly; it wins over detection.
public struct GivenMetadata: Sendable, Codable, Equatable {
    public var title: String?
    public var outlet: String?
    public var published: String?
    public var url: String?

    public init(title: String? = nil, outlet: String? = nil, published: String? = nil, url: String? = nil) {
        self.title = title
        self.outlet = outlet
        self.published = published
        self.url = url
    }

    /// Fields of `other` fill the gaps of `self` (self wins).
    public func filling(from other: GivenMetadata) -> GivenMetadata {
        GivenMetadata(title: title ?? other.title, outlet: outlet ?? other.outlet,
                      published: published ?? other.published, url: url ?? other.url)
    }
}

/// One document as read from disk, before cleaning: the unit that ingestion produces.
public struct RawDocument: Sendable, Equatable {
    /// The file path as given or found; for JSON arrays and JSONL, `file#N` (1-based record).
    public var path: String
    public var format: SourceFormat
    /// The article text as read (HTML already reduced to text, JSON's body field).
    public var text: String
    /// What the user (front matter, manifest, JSON fields) said about this document.
    public var given: GivenMetadata
    /// What the page's own markup said (HTML `<meta>`, `<time>`, `<title>`).
    public var page: GivenMetadata
    /// True when the file was larger than the cap and cut.
    public var truncated: Bool

    public init(path: String, format: SourceFormat, text: String, given: GivenMetadata = .init(),
                page: GivenMetadata = .init(), truncated: Bool = false) {
        self.path = path
        self.format = format
        self.text = text
        self.given = given
        self.page = page
        self.truncated = truncated
    }
}

/// A dated claim with its provenance and a confidence in 0…1.
public struct DatedValue: Sendable, Codable, Equatable {
    public var day: Day
    public var source: MetadataSource
    public var confidence: Double
    public init(day: Day, source: MetadataSource, confidence: Double) {
        self.day = day
        self.source = source
        self.confidence = confidence
    }
}

/// A cleaned article with its recovered metadata: what every later layer reads.
public struct Article: Sendable, Identifiable, Equatable, Codable {
    /// Short and stable across runs: a hash of the path's file name and the raw text.
    public var id: String
    public var path: String
    public var format: SourceFormat
    /// The original text as read (for `--raw` and the TUI's raw view).
    public var rawText: String
    /// The clean body: paragraphs separated by one blank line, furniture removed.
    public var body: String
    public var title: String?
    public var outlet: String?
    public var outletSource: MetadataSource
    public var published: DatedValue?
    public var url: String?
    /// Agencies credited by an attribution line (`With Reuters, AP …`).
    public var sources: [String]
    /// Lines removed by cleaning, with the rule that removed them (for `show --json` and debugging).
    public var removed: [RemovedLine]
    public var truncated: Bool
    /// A date without a year (`Friday, January 21`) that dates the article once the corpus's other
    /// dates say which year it is; resolved by `DateInference` and then cleared.
    public var partialDate: DateMention?

    public init(id: String, path: String, format: SourceFormat, rawText: String, body: String,
                title: String?, outlet: String?, outletSource: MetadataSource, published: DatedValue?,
                url: String?, sources: [String], removed: [RemovedLine], truncated: Bool) {
        self.id = id
        self.path = path
        self.format = format
        self.rawText = rawText
        self.body = body
        self.title = title
        self.outlet = outlet
        self.outletSource = outletSource
        self.published = published
        self.url = url
        self.sources = sources
        self.removed = removed
        self.truncated = truncated
    }

    /// The clean body split into paragraphs.
    public var paragraphs: [Substring] {
        leadParagraphs(Int.max)
    }

    /// The first `limit` paragraphs, found by a byte scan that stops there (the generic
    /// `split(separator: "\n\n")` searched the whole body character by character).
    public func leadParagraphs(_ limit: Int) -> [Substring] {
        var out: [Substring] = []
        let utf8 = body.utf8
        var start = utf8.startIndex
        var i = start
        var previousNewline = false
        while i < utf8.endIndex && out.count < limit {
            let isNewline = utf8[i] == 0x0A
            if isNewline && previousNewline {
                // The paragraph ends before the first of the two newlines.
                let end = utf8.index(before: i)
                if start < end { out.append(body[start..<end]) }
                start = utf8.index(after: i)
                previousNewline = false
            } else {
                previousNewline = isNewline
            }
            i = utf8.index(after: i)
        }
        if out.count < limit && start < utf8.endIndex { out.append(body[start...]) }
        return out
    }

    /// Words of the clean body.
    public var wordCount: Int {
        var n = 0
        var inWord = false
        for u in body.unicodeScalars {
            let isSpace = u.properties.isWhitespace
            if !isSpace && !inWord { n += 1 }
            inWord = !isSpace
        }
        return n
    }

    /// The file name (or `file#N`) shown where an article has no outlet.
    public var fileName: String {
        (path as NSString).lastPathComponent
    }
}

/// A line that cleaning dropped, and why.
public struct RemovedLine: Sendable, Codable, Equatable {
    public var text: String
    public var reason: String
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }
}
