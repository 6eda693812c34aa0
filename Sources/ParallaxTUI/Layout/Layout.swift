/// The four panes of the main screen.
public enum Pane: String, Sendable, CaseIterable {
    case articles, text, actors, compare

    public var title: String {
        switch self {
        case .articles: return "Articles"
        case .text: return "Text"
        case .actors: return "Actors"
        case .compare: return "Compare"
        }
    }

    var context: KeyContext {
        switch self {
        case .articles: return .articles
        case .text: return .text
        case .actors: return .actors
        case .compare: return .compare
        }
    }
}

/// Where everything goes on a screen of a given size: computed, never stored, so resizing is free.
public struct ScreenLayout: Sendable, Equatable {
    /// Visible panes and their rectangles (borders included), in drawing order.
    public var panes: [(pane: Pane, rect: Rect)]
    /// The status / prompt line.
    public var status: Rect
    /// The area of a full-screen view (help, comparison, timeline).
    public var overlay: Rect
    public var tooSmall: Bool

    public func rect(of p: Pane) -> Rect? { panes.first { $0.pane == p }?.rect }

    public static func == (a: ScreenLayout, b: ScreenLayout) -> Bool {
        a.panes.map(\.pane) == b.panes.map(\.pane) && a.panes.map(\.rect) == b.panes.map(\.rect)
            && a.status == b.status && a.overlay == b.overlay && a.tooSmall == b.tooSmall
    }
}

/// Layout as a pure function from the terminal size and focus to rectangles.
public enum Layout {
    public static let minWidth = 60
    public static let minHeight = 16
    /// From this width on, all four panes are shown.
    public static let fourPaneWidth = 120
    /// From this width on, the article list stays beside the focused pane.
    public static let twoPaneWidth = 80
    /// The article list's share of the width, in percent: the default and the range `<`/`>` move it in.
    public static let defaultListPercent = 40
    public static let listPercentRange = 20...70
    public static let listPercentStep = 5

    /// - Parameters:
    ///   - focus: the focused pane.
    ///   - secondary: the non-list pane shown beside the list in the two-pane layout when the list
    ///     itself has focus (the one last visited).
    ///   - listPercent: the article list's share of the width (`<`/`>`), clamped to `listPercentRange`.
    ///   - reading: the reading view, where the Text pane takes the whole screen.
    public static func compute(width: Int, height: Int, focus: Pane, secondary: Pane,
                               listPercent: Int = defaultListPercent, reading: Bool = false) -> ScreenLayout {
        let status = Rect(x: 0, y: height - 1, width: width, height: 1)
        let main = Rect(x: 0, y: 0, width: width, height: height - 1)
        guard width >= minWidth, height >= minHeight else {
            return ScreenLayout(panes: [], status: status, overlay: main, tooSmall: true)
        }
        if reading {
            return ScreenLayout(panes: [(.text, main)], status: status, overlay: main, tooSmall: false)
        }
        let percent = min(listPercentRange.upperBound, max(listPercentRange.lowerBound, listPercent))
        let left = width * percent / 100
        if width >= fourPaneWidth {
            let top = main.height * 3 / 5
            return ScreenLayout(panes: [
                (.articles, Rect(x: 0, y: 0, width: left, height: top)),
                (.text, Rect(x: left, y: 0, width: width - left, height: top)),
                (.actors, Rect(x: 0, y: top, width: left, height: main.height - top)),
                (.compare, Rect(x: left, y: top, width: width - left, height: main.height - top)),
            ], status: status, overlay: main, tooSmall: false)
        }
        if width >= twoPaneWidth {
            let right = focus == .articles ? (secondary == .articles ? .text : secondary) : focus
            return ScreenLayout(panes: [
                (.articles, Rect(x: 0, y: 0, width: left, height: main.height)),
                (right, Rect(x: left, y: 0, width: width - left, height: main.height)),
            ], status: status, overlay: main, tooSmall: false)
        }
        return ScreenLayout(panes: [(focus, main)], status: status, overlay: main, tooSmall: false)
    }

    /// The layout drawn as ASCII boxes with pane titles: what layout tests compare with literal art.
    public static func diagram(_ l: ScreenLayout, width: Int, height: Int) -> [String] {
        var b = ScreenBuffer(width: width, height: height)
        for (p, r) in l.panes { b.box(r, title: p.title, focused: false, glyphs: .ascii) }
        if !l.tooSmall { b.put(String(repeating: "=", count: l.status.width), x: l.status.x, y: l.status.y) }
        return b.lines
    }
}
