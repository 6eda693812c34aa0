/// Word wrapping measured in terminal columns.
public enum TextWrap {
    /// Wraps one paragraph at word boundaries to `width` columns; words longer than a line are split.
    public static func wrap(_ paragraph: String, width: Int) -> [String] {
        let w = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var ww = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + ww > w {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while ww > w {
                // Split an over-long word at the column limit.
                var head = ""
                var hw = 0
                var rest = Substring(word)
                while let c = rest.first, hw + DisplayWidth.of(c) <= w - lineWidth - (lineWidth > 0 ? 1 : 0) {
                    head.append(c)
                    hw += DisplayWidth.of(c)
                    rest = rest.dropFirst()
                }
                if head.isEmpty {
                    if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0; continue }
                    if let c = rest.first { head.append(c); rest = rest.dropFirst() }
                }
                lines.append(lineWidth > 0 ? line + " " + head : head)
                line = ""
                lineWidth = 0
                word = String(rest)
                ww = DisplayWidth.of(word)
            }
            if word.isEmpty { continue }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += ww
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
