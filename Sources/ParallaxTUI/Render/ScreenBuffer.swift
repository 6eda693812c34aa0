/// What a cell means, not what colour it is: the terminal backend maps roles to colours through the theme,
/// so views never know whether the terminal has 8, 256 or no colours.
public enum StyleRole: String, Sendable, CaseIterable {
    case normal, dim, border, borderFocused, title, titleFocused, header, date, outlet
    case actor, quote, match, person, organization, country, place
    case status, statusKey, prompt, warning, error, discrepancy
}

/// A cell's look: a semantic role plus attributes that hold without colour.
public struct Style: Hashable, Sendable {
    public var role: StyleRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: StyleRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()

    /// The same style marked as selected (reverse video works with and without colour).
    public var selected: Style {
        var s = self
        s.reverse = true
        return s
    }
}

/// One terminal cell: a grapheme cluster and its style. A two-column cluster is followed by a
/// continuation cell (empty text) that the backend skips.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }
    public static let blank = Cell(" ")
    public var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of cells in screen coordinates.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The rectangle inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
    public var description: String { "(\(x),\(y) \(width)x\(height))" }
}

/// Which characters draw lines: Unicode box drawing, or ASCII when the locale cannot show them.
public struct Glyphs: Sendable, Equatable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, ellipsis: String
    /// Beside a marked, or a tagged, article in the list.
    public var marked = "*", tagged = "+"
    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘", ellipsis: "…", marked: "●", tagged: "•")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                     bottomLeft: "+", bottomRight: "+", ellipsis: "~")
}

/// The in-memory frame every view draws into; the only thing the terminal backend reads.
///
/// Every write goes through `Sanitizer`, so whatever a view passes in, no control character,
/// escape sequence or bidi override can reach the terminal.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                cells[y * width + x] = Cell(" ", style)
            }
        }
    }

    /// Writes text from (x, y), clipped at `maxX` (exclusive; default: the right edge).
    /// Returns the column after the last cell written. A wide cluster that would straddle the clip
    /// edge is replaced by a space so columns never shift.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .normal,
                             maxX: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        var col = x
        for c in text {
            if col >= limit { break }
            if let a = c.asciiValue, a >= 0x20, a != 0x7F {
                // Fast path: printable ASCII is safe and one column; no need to sanitise or measure.
                col = putCluster(c, x: col, y: y, style: style, limit: limit)
                continue
            }
            for g in Sanitizer.clean(c) {
                col = putCluster(g, x: col, y: y, style: style, limit: limit)
                if col >= limit { break }
            }
        }
        return col
    }

    /// Writes one already-safe grapheme cluster; returns the next column. Private: every public write
    /// path sanitises first.
    @discardableResult
    private mutating func putCluster(_ g: Character, x: Int, y: Int, style: Style, limit: Int) -> Int {
        let w = CellWidth.of(g)
        if w == 0 { return x }
        guard x >= 0 else { return x + w }
        if x + w > limit {
            if x < limit { cells[y * width + x] = Cell(" ", style) }
            return limit
        }
        clearWide(at: x, y: y)
        cells[y * width + x] = Cell(String(g), style)
        if w == 2 {
            clearWide(at: x + 1, y: y)
            cells[y * width + x + 1] = Cell("", style)
        }
        return x + w
    }

    /// Overwriting half of a wide cluster blanks its other half, so the grid stays consistent.
    private mutating func clearWide(at x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", cells[i - 1].style)
        } else if CellWidth.of(Character(cells[i].text)) == 2, x + 1 < width {
            cells[i + 1] = Cell(" ", cells[i + 1].style)
        }
    }

    /// Changes the style of existing cells (the selection bar, highlights) without touching the text.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                cells[y * width + x].style = transform(cells[y * width + x].style)
            }
        }
    }

    /// A one-cell frame with a title on the top edge.
    public mutating func box(_ r: Rect, title: String, focused: Bool, glyphs: Glyphs) {
        guard r.width >= 2, r.height >= 2 else { return }
        let st = Style(focused ? .borderFocused : .border, bold: focused)
        for x in r.x + 1..<r.maxX - 1 {
            put(glyphs.horizontal, x: x, y: r.y, style: st)
            put(glyphs.horizontal, x: x, y: r.maxY - 1, style: st)
        }
        for y in r.y + 1..<r.maxY - 1 {
            put(glyphs.vertical, x: r.x, y: y, style: st)
            put(glyphs.vertical, x: r.maxX - 1, y: y, style: st)
        }
        put(glyphs.topLeft, x: r.x, y: r.y, style: st)
        put(glyphs.topRight, x: r.maxX - 1, y: r.y, style: st)
        put(glyphs.bottomLeft, x: r.x, y: r.maxY - 1, style: st)
        put(glyphs.bottomRight, x: r.maxX - 1, y: r.maxY - 1, style: st)
        if !title.isEmpty, r.width > 4 {
            let t = " " + title + " "
            put(t, x: r.x + 2, y: r.y, style: Style(focused ? .titleFocused : .title, bold: true), maxX: r.maxX - 2)
        }
    }

    /// One row as plain text (continuation cells skipped, trailing spaces kept).
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width {
            let c = self[x, y]
            if !c.isContinuation { s += c.text }
        }
        return s
    }

    /// The frame as text, one line per row with trailing spaces trimmed: what `parallax render` prints
    /// and what tests assert on.
    public var text: String {
        (0..<height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// The rows as trimmed strings.
    public var lines: [String] { (0..<height).map { line($0).trimmingTrailingSpaces() } }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// Text helpers measured in columns.
public enum Columns {
    /// The longest prefix of `s` that fits in `width` columns, with an ellipsis if it was cut.
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if CellWidth.of(s) <= width { return s }
        let ew = CellWidth.of(ellipsis)
        var out = ""
        var w = 0
        for c in s {
            let cw = CellWidth.of(c)
            if w + cw > width - ew { break }
            out.append(c)
            w += cw
        }
        return out + ellipsis
    }

    /// `s` padded with spaces (or truncated) to exactly `width` columns.
    public static func pad(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        let t = truncate(s, to: width, ellipsis: ellipsis)
        let w = CellWidth.of(t)
        return w < width ? t + String(repeating: " ", count: width - w) : t
    }
}
