/// Finds the story in a parsed page, as Readability.js's `_grabArticle`/`_prepArticle` and
/// trafilatura do: drop code, hidden elements and furniture (by element, role and class/id hints);
/// score paragraph-shaped blocks by length, commas and link density and credit their ancestors;
/// keep the best block plus the siblings that score or read like paragraphs; then clean link boxes,
/// galleries and widgets out of it. When that yields too little, try again with fewer rules, and in
/// the end take the whole body's text. Every pass is a loop over the tree's index ranges, linear in
/// the page's size (ancestor credit goes at most five levels up).
public struct HTMLExtractor: Sendable {
    let settings: HTMLExtractionSettings
    let drop: Set<String>
    let furniture: Set<String>
    let scored: Set<String>
    let breakers: Set<String>
    let blocks: Set<String>
    let conditional: Set<String>
    let roles: Set<String>
    let tagWeights: [String: Double]
    let unlikely: HintMatcher
    let okMaybe: HintMatcher
    let positive: HintMatcher
    let negative: HintMatcher
    let widgetTokens: Set<String>
    let adWords: Set<String>

    public init(settings: HTMLExtractionSettings = .shipped) {
        self.settings = settings
        drop = settings.set("drop-elements")
        furniture = settings.set("furniture-elements")
        scored = settings.set("scored-elements")
        breakers = settings.set("paragraph-breakers")
        blocks = settings.set("block-elements")
        conditional = settings.set("conditional-elements")
        roles = settings.set("furniture-roles")
        tagWeights = settings.weights("tag-weights")
        unlikely = HintMatcher(settings.lowercasedList("unlikely-hints"))
        okMaybe = HintMatcher(settings.lowercasedList("ok-hints"))
        positive = HintMatcher(settings.lowercasedList("positive-hints"))
        negative = HintMatcher(settings.lowercasedList("negative-hints"))
        widgetTokens = Set(settings.lowercasedList("widget-hints"))
        adWords = Set(settings.lowercasedList("ad-words"))
    }

    /// Which rules a pass applies; later passes drop them one by one (as Readability's flags).
    struct Flags {
        var stripUnlikely = true
        var weightClasses = true
        var cleanConditionally = true
    }

    /// Per-node sums over the kept part of each subtree.
    struct Counts {
        var text: [Int]
        var link: [Int]
        var commas: [Int]
        var paragraphs: [Int]
        var images: [Int]
        var inputs: [Int]
        var embeds: [Int]
        var headingText: [Int]
        var hasBreaker: [Bool]
    }

    /// The story's text (blocks separated by blank lines) from the page's body; `title` lets a
    /// heading that repeats it be dropped.
    public func extract(_ tree: HTMLTree, title: String?) -> String {
        guard tree.count > 0 else { return "" }
        let body = tree.first("body") ?? 0
        var base = [Bool](repeating: false, count: tree.count)
        markAlwaysDropped(tree, body: body, removed: &base)
        let minChars = Int(settings.number("min-article-chars", 500))
        var attempts: [String] = []
        var flags = Flags()
        for step in 0..<4 {
            if step == 1 { flags.stripUnlikely = false }
            if step == 2 { flags.weightClasses = false }
            if step == 3 { flags.cleanConditionally = false }
            let text = attempt(tree, body: body, base: base, flags: flags, title: title)
            if text.count >= minChars { return text }
            attempts.append(text)
        }
        let best = attempts.max { $0.count < $1.count } ?? ""
        let whole = serialize(tree, roots: [body], removed: base)
        // Too little found: the whole body when it is not mostly furniture beyond what was found.
        return best.count * 4 >= min(whole.count, minChars) ? best : whole
    }

    // MARK: removal

    /// Code, media, controls, comments-free text, hidden elements; `<noscript>` unless it holds the
    /// only text of the page.
    func markAlwaysDropped(_ tree: HTMLTree, body: Int, removed: inout [Bool]) {
        var noscripts: [Int] = []
        var i = body
        while i < tree.ends[body] {
            let name = tree.names[i]
            if !name.isEmpty, i != body, drop.contains(name) || isHidden(tree, i) {
                mark(tree, i, &removed)
                i = tree.ends[i]
                continue
            }
            if name == "noscript" { noscripts.append(i) }
            i += 1
        }
        guard !noscripts.isEmpty else { return }
        var without = removed
        for n in noscripts { mark(tree, n, &without) }
        let rest = textLength(tree, root: body, removed: without)
        if rest < Int(settings.number("noscript-min-chars", 250)) { return }
        removed = without
    }

    /// Marks a subtree removed. A subtree already marked is skipped whole, so marking boxes from the
    /// inside out (conditional cleaning) stays linear however deep they nest.
    func mark(_ tree: HTMLTree, _ i: Int, _ removed: inout [Bool]) {
        removed[i] = true
        var j = i + 1
        while j < tree.ends[i] {
            if removed[j] { j = tree.ends[j]; continue }
            removed[j] = true
            j += 1
        }
    }

    func isHidden(_ tree: HTMLTree, _ i: Int) -> Bool {
        for a in tree.attributes[i] {
            switch a.name {
            case "hidden": return true
            case "aria-hidden":
                if a.value.lowercased() == "true" && !(tree.attribute(i, "class") ?? "").contains("fallback-image") { return true }
            case "style":
                let s = a.value.lowercased().filter { $0 != " " }
                if s.contains("display:none") || s.contains("visibility:hidden") { return true }
            default: break
            }
        }
        return false
    }

    func classID(_ tree: HTMLTree, _ i: Int) -> (String, String) {
        ((tree.attribute(i, "class") ?? "").lowercased(), (tree.attribute(i, "id") ?? "").lowercased())
    }

    func classWeight(_ tree: HTMLTree, _ i: Int, _ flags: Flags) -> Double {
        guard flags.weightClasses else { return 0 }
        let w = settings.number("class-weight", 25)
        let (c, id) = classID(tree, i)
        var score = 0.0
        for s in [c, id] where !s.isEmpty {
            if negative.matches(s) { score -= w }
            if positive.matches(s) { score += w }
        }
        return score
    }

    /// Furniture by element name, ARIA role and class/id — except an element holding most of the
    /// page's text with little linking: unclosed markup has made it wrap the story.
    func markFurniture(_ tree: HTMLTree, body: Int, counts: Counts, removed: inout [Bool]) {
        let total = max(1, counts.text[body])
        let share = settings.number("wrapper-text-share", 0.5)
        let maxLinks = settings.number("wrapper-link-density", 0.3)
        var protected = [Bool](repeating: false, count: tree.count)  // inside table or code
        var i = body + 1
        while i < tree.ends[body] {
            if removed[i] || tree.isText(i) { i = removed[i] ? tree.ends[i] : i + 1; continue }
            let name = tree.names[i]
            let p = tree.parents[i]
            protected[i] = (p >= 0 && protected[p]) || name == "table" || name == "code" || name == "pre"
            // An element named or marked as furniture may have been left open and wrap the story; a
            // class is set on purpose (and a pass without these rules follows when too little is left).
            var byName = furniture.contains(name)
            if let role = tree.attribute(i, "role")?.lowercased(), roles.contains(role) { byName = true }
            var byClass = false
            if !byName, name != "a", !protected[i] {
                let (c, id) = classID(tree, i)
                let both = c + " " + id
                if both.count > 1, unlikely.matches(both), !okMaybe.matches(both) { byClass = true }
            }
            if byName || byClass {
                let text = counts.text[i]
                let wraps = byName && Double(text) >= share * Double(total)
                    && Double(counts.link[i]) <= maxLinks * Double(max(1, text))
                if !wraps {
                    mark(tree, i, &removed)
                    i = tree.ends[i]
                    continue
                }
            }
            i += 1
        }
    }

    // MARK: counting

    /// Collapsed-whitespace length, commas of a text node.
    static func measure(_ s: String) -> (Int, Int) {
        var n = 0, commas = 0
        var space = true
        for u in s.unicodeScalars {
            if u == " " || u == "\n" || u == "\t" || u == "\r" || u == "\u{A0}" {
                if !space { n += 1 }
                space = true
                continue
            }
            space = false
            n += 1
            switch u.value {
            case 0x2C, 0x60C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C, 0x3001: commas += 1
            default: break
            }
        }
        return (n, commas)
    }

    func count(_ tree: HTMLTree, removed: [Bool]) -> Counts {
        let n = tree.count
        var c = Counts(text: .init(repeating: 0, count: n), link: .init(repeating: 0, count: n),
                       commas: .init(repeating: 0, count: n), paragraphs: .init(repeating: 0, count: n),
                       images: .init(repeating: 0, count: n), inputs: .init(repeating: 0, count: n),
                       embeds: .init(repeating: 0, count: n), headingText: .init(repeating: 0, count: n),
                       hasBreaker: .init(repeating: false, count: n))
        var i = n - 1
        while i >= 0 {
            defer { i -= 1 }
            if removed[i] { continue }
            let name = tree.names[i]
            if name.isEmpty {
                let (len, commas) = Self.measure(tree.texts[i])
                c.text[i] = len
                c.commas[i] = commas
            } else {
                switch name {
                case "a":
                    let href = tree.attribute(i, "href") ?? ""
                    c.link[i] = href.hasPrefix("#") ? Int(Double(c.text[i]) * 0.3) : c.text[i]
                case "p": c.paragraphs[i] += 1
                case "img": c.images[i] += 1
                case "input": c.inputs[i] += 1
                case "object", "embed", "iframe", "video": c.embeds[i] += 1
                case "h1", "h2", "h3", "h4", "h5", "h6": c.headingText[i] = c.text[i]
                default: break
                }
            }
            let p = tree.parents[i]
            guard p >= 0 else { continue }
            c.text[p] += c.text[i]
            c.link[p] += c.link[i]
            c.commas[p] += c.commas[i]
            c.paragraphs[p] += c.paragraphs[i]
            c.images[p] += c.images[i]
            c.inputs[p] += c.inputs[i]
            c.embeds[p] += c.embeds[i]
            c.headingText[p] += c.headingText[i]
            if c.hasBreaker[i] || breakers.contains(name) { c.hasBreaker[p] = true }
        }
        return c
    }

    func textLength(_ tree: HTMLTree, root: Int, removed: [Bool]) -> Int {
        var n = 0
        var i = root
        while i < tree.ends[root] {
            if removed[i] { i = tree.ends[i]; continue }
            if tree.isText(i) { n += Self.measure(tree.texts[i]).0 }
            i += 1
        }
        return n
    }

    func linkDensity(_ c: Counts, _ i: Int) -> Double {
        c.text[i] == 0 ? 0 : Double(c.link[i]) / Double(c.text[i])
    }

    // MARK: one pass

    func attempt(_ tree: HTMLTree, body: Int, base: [Bool], flags: Flags, title: String?) -> String {
        var removed = base
        if flags.stripUnlikely {
            markFurniture(tree, body: body, counts: count(tree, removed: removed), removed: &removed)
        }
        let c = count(tree, removed: removed)
        let minPara = Int(settings.number("min-paragraph-chars", 25))
        let perPoint = max(1, settings.number("chars-per-point", 100))
        let maxPoints = settings.number("max-length-points", 3)
        var score = [Double](repeating: 0, count: tree.count)
        var initialised = [Bool](repeating: false, count: tree.count)
        var candidates: [Int] = []

        func credit(_ start: Int, _ points: Double) {
            var a = start
            var level = 0
            while a >= 0, level < 5, a >= body {
                if !initialised[a] {
                    initialised[a] = true
                    score[a] = (tagWeights[tree.names[a]] ?? 0) + classWeight(tree, a, flags)
                    candidates.append(a)
                }
                let divider = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level) * 3)
                score[a] += points / divider
                if a == body { break }
                a = tree.parents[a]
                level += 1
            }
        }

        var i = body + 1
        while i < tree.ends[body] {
            if removed[i] { i = tree.ends[i]; continue }
            let name = tree.names[i]
            if name.isEmpty { i += 1; continue }
            var len = 0, commas = 0, from = -1
            if scored.contains(name) {
                len = c.text[i]; commas = c.commas[i]; from = tree.parents[i]
            } else if name == "div" {
                if !c.hasBreaker[i] {
                    len = c.text[i]; commas = c.commas[i]; from = tree.parents[i]
                } else {
                    // The div's own inline text, as Readability wraps it in paragraphs.
                    for ch in tree.children(i) where !removed[ch] && (tree.isText(ch) || (!c.hasBreaker[ch] && !breakers.contains(tree.names[ch]) && !blocks.contains(tree.names[ch]))) {
                        len += c.text[ch]; commas += c.commas[ch]
                    }
                    from = i
                }
            }
            if from >= 0, len >= minPara {
                credit(from, 1 + Double(commas) + min((Double(len) / perPoint).rounded(.down), maxPoints))
            }
            i += 1
        }

        var roots: [Int] = []
        if candidates.isEmpty {
            roots = [body]
        } else {
            for k in candidates { score[k] *= 1 - linkDensity(c, k) }
            let ranked = candidates.sorted { score[$0] > score[$1] }.prefix(5)
            var top = ranked[ranked.startIndex]
            let topScore = score[top]
            // Several near-best candidates under one ancestor: that ancestor is the article.
            let share = settings.number("alternative-share", 0.75)
            let alternatives = ranked.dropFirst().filter { topScore > 0 && score[$0] / topScore >= share }
            let votesNeeded = Int(settings.number("alternative-votes", 3))
            if alternatives.count >= votesNeeded {
                var votes: [Int: Int] = [:]
                for alt in alternatives {
                    var a = tree.parents[alt]
                    while a >= body { votes[a, default: 0] += 1; if a == body { break }; a = tree.parents[a] }
                }
                var p = tree.parents[top]
                while p >= body {
                    if (votes[p] ?? 0) >= votesNeeded { top = p; break }
                    if p == body { break }
                    p = tree.parents[p]
                }
            }
            // Walk up while the parent scores at least as well.
            var last = score[top]
            let threshold = last / 3
            var p = tree.parents[top]
            while p > body {
                if !initialised[p] { p = tree.parents[p]; continue }
                if score[p] < threshold { break }
                if score[p] > last { top = p; break }
                last = score[p]
                p = tree.parents[p]
            }
            // An only child stands for its parent.
            while top != body, tree.parents[top] > body,
                  tree.children(tree.parents[top]).filter({ !removed[$0] && !tree.isText($0) }).count == 1 {
                top = tree.parents[top]
            }
            roots = siblings(of: top, tree: tree, body: body, score: score, initialised: initialised, counts: c, removed: removed)
        }

        prepare(tree, roots: roots, removed: &removed, flags: flags, title: title)
        return serialize(tree, roots: roots, removed: removed)
    }

    /// The best block and the siblings that belong with it.
    func siblings(of top: Int, tree: HTMLTree, body: Int, score: [Double], initialised: [Bool], counts c: Counts,
                  removed: [Bool]) -> [Int] {
        guard top != body else { return [body] }
        let parent = tree.parents[top]
        guard parent >= 0 else { return [top] }
        let topScore = score[top]
        let threshold = max(settings.number("min-sibling-score", 10), topScore * settings.number("sibling-score-share", 0.2))
        let topClass = tree.attribute(top, "class") ?? ""
        let paraChars = Int(settings.number("sibling-paragraph-chars", 80))
        let paraLinks = settings.number("sibling-link-density", 0.25)
        var out: [Int] = []
        for s in tree.children(parent) where !removed[s] {
            if s == top { out.append(s); continue }
            if tree.isText(s) { continue }
            var bonus = 0.0
            if !topClass.isEmpty, tree.attribute(s, "class") == topClass { bonus = topScore * 0.2 }
            if initialised[s], score[s] + bonus >= threshold { out.append(s); continue }
            let name = tree.names[s]
            if name == "p" || (name == "div" && !c.hasBreaker[s]) {
                let len = c.text[s]
                let ld = linkDensity(c, s)
                if len > paraChars && ld < paraLinks { out.append(s); continue }
                if len > 0 && len <= paraChars && ld == 0 {
                    let t = plainText(tree, s, removed)
                    if t.contains(". ") || t.hasSuffix(".") { out.append(s) }
                }
            }
        }
        return out
    }

    /// Inside the story: furniture elements, short widgets, the heading that repeats the title,
    /// headings with a negative hint, and (conditionally) link boxes, galleries and ad slots.
    func prepare(_ tree: HTMLTree, roots: [Int], removed: inout [Bool], flags: Flags, title: String?) {
        let maxWidget = Int(settings.number("max-widget-chars", 500))
        let titleWords = title.map(Self.wordSet) ?? []
        let similarity = settings.number("title-similarity", 0.75)
        var titleHeadingSeen = false
        var c = count(tree, removed: removed)
        for r in roots {
            var i = r
            while i < tree.ends[r] {
                if removed[i] || tree.isText(i) { i = removed[i] ? tree.ends[i] : i + 1; continue }
                let name = tree.names[i]
                var remove = false
                if i != r, name == "aside" || name == "footer" { remove = true }
                if !remove, i != r, c.text[i] < maxWidget {
                    let (cl, id) = classID(tree, i)
                    let tokens = (cl + " " + id).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                    if tokens.contains(where: { widgetTokens.contains(String($0)) }) { remove = true }
                }
                if !remove, name == "h1" || name == "h2" {
                    if flags.weightClasses && classWeight(tree, i, flags) < 0 { remove = true }
                    if !titleHeadingSeen, !titleWords.isEmpty {
                        let words = Self.wordSet(plainText(tree, i, removed))
                        if !words.isEmpty {
                            let shared = Double(words.intersection(titleWords).count)
                            if shared / Double(max(words.count, titleWords.count)) >= similarity {
                                remove = true
                                titleHeadingSeen = true
                            }
                        }
                    }
                }
                if remove { mark(tree, i, &removed); i = tree.ends[i]; continue }
                i += 1
            }
        }
        guard flags.cleanConditionally else { return }
        c = count(tree, removed: removed)
        let maxLinks = settings.number("max-link-density", 0.2)
        let maxLinksPositive = settings.number("max-link-density-positive", 0.5)
        // Post-order: a box is judged after what it contains was (as Readability walks backwards).
        for r in roots {
            // Whether an ancestor (within the story) is code or a figure, inherited in one pass.
            var inCode = [Bool](repeating: false, count: tree.ends[r] - r)
            var inFigure = inCode
            for j in (r + 1)..<tree.ends[r] {
                let p = tree.parents[j] - r
                let pn = tree.names[p + r]
                inCode[j - r] = inCode[p] || pn == "code" || pn == "pre"
                inFigure[j - r] = inFigure[p] || pn == "figure"
            }
            var i = tree.ends[r] - 1
            while i > r {
                defer { i -= 1 }
                if removed[i] { continue }
                let name = tree.names[i]
                guard conditional.contains(name) else { continue }
                if inCode[i - r] { continue }
                if name == "table" && isDataTable(tree, i) { continue }
                let weight = classWeight(tree, i, flags)
                var drop = weight < 0
                if !drop && c.commas[i] < 10 {
                    let isList = name == "ul" || name == "ol"
                    let p = Double(c.paragraphs[i]), img = Double(c.images[i])
                    let len = c.text[i]
                    let ld = linkDensity(c, i)
                    let headingDensity = len == 0 ? 0 : Double(c.headingText[i]) / Double(len)
                    let inFigure = inFigure[i - r]
                    drop = (img > 1 && p / img < 0.5 && !inFigure)
                        || Double(c.inputs[i]) > (p / 3).rounded(.down)
                        || (!isList && headingDensity < 0.9 && len < 25 && (img == 0 || img > 2) && !inFigure)
                        || (!isList && weight < 25 && ld > maxLinks)
                        || (weight >= 25 && ld > maxLinksPositive)
                        || (c.embeds[i] == 1 && len < 75) || c.embeds[i] > 1
                        || (len < 30 && adWords.contains(plainText(tree, i, removed).lowercased().trimmingCharacters(in: .whitespaces)))
                }
                if drop {
                    mark(tree, i, &removed)
                    // Take what went out of the ancestors' sums, so outer boxes are judged on what stays.
                    var a = tree.parents[i]
                    while a >= r {
                        c.text[a] -= c.text[i]; c.link[a] -= c.link[i]; c.commas[a] -= c.commas[i]
                        c.paragraphs[a] -= c.paragraphs[i]; c.images[a] -= c.images[i]
                        c.inputs[a] -= c.inputs[i]; c.embeds[a] -= c.embeds[i]; c.headingText[a] -= c.headingText[i]
                        if a == r { break }
                        a = tree.parents[a]
                        if tree.depths[i] - tree.depths[max(a, 0)] > 64 { break }
                    }
                }
            }
        }
    }

    /// A table of data (headers, a caption, a summary) rather than a layout table.
    func isDataTable(_ tree: HTMLTree, _ t: Int) -> Bool {
        if tree.attribute(t, "role") == "presentation" { return false }
        if tree.attribute(t, "summary") != nil { return true }
        var rows = 0
        for j in (t + 1)..<tree.ends[t] {
            switch tree.names[j] {
            case "caption", "th", "thead", "tfoot", "colgroup", "col": return true
            case "table": return false
            case "tr": rows += 1
            default: break
            }
        }
        return rows >= 10
    }

    static func wordSet(_ s: String) -> Set<String> {
        Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    // MARK: text

    func plainText(_ tree: HTMLTree, _ root: Int, _ removed: [Bool]) -> String {
        var out = ""
        var i = root
        while i < tree.ends[root] {
            if removed[i] { i = tree.ends[i]; continue }
            if tree.isText(i) { out += tree.texts[i] }
            i += 1
        }
        return HTMLText.collapse(out)
    }

    /// The kept text of the subtrees, a blank line around every block element.
    func serialize(_ tree: HTMLTree, roots: [Int], removed: [Bool]) -> String {
        var out = ""
        var closeAt: [Int] = []  // ends of open block elements, innermost last
        for r in roots {
            var i = r
            while i < tree.ends[r] {
                while let e = closeAt.last, e <= i { out += "\n\n"; closeAt.removeLast() }
                if removed[i] { i = tree.ends[i]; continue }
                let name = tree.names[i]
                if name.isEmpty {
                    out += tree.texts[i]
                } else if blocks.contains(name) {
                    out += "\n\n"
                    closeAt.append(tree.ends[i])
                } else if name == "td" || name == "th" {
                    out += " "
                }
                i += 1
            }
            while closeAt.popLast() != nil { out += "\n\n" }
        }
        return HTMLText.normalizeBlocks(out)
    }
}
