import CLibXML2
import Foundation

/// A parsed HTML page as plain Swift values: elements and text in document order (pre-order), each
/// subtree a contiguous range, so every walk over it is a loop over indices — no recursion, no C
/// pointers past `parse`. libxml2's HTML parser builds the tree (the parser lxml, and so trafilatura
/// and readability-lxml, stand on): it recovers from broken markup as browsers do and decodes
/// entities and the page's declared charset.
public struct HTMLTree: Sendable {
    /// One attribute, names lower-cased as libxml2 gives them for HTML.
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// Element name (lower case), or "" for a text node.
    public private(set) var names: [String] = []
    /// The text of a text node; "" for elements. Script text is kept only for JSON-LD.
    public private(set) var texts: [String] = []
    public private(set) var attributes: [[Attribute]] = []
    /// Index of the parent element; -1 for the root.
    public private(set) var parents: [Int] = []
    /// One past the last node of the subtree (its descendants are `i + 1 ..< ends[i]`).
    public private(set) var ends: [Int] = []
    /// Depth below the root.
    public private(set) var depths: [Int] = []

    public var count: Int { names.count }

    public func isText(_ i: Int) -> Bool { names[i].isEmpty }

    public func attribute(_ i: Int, _ name: String) -> String? {
        for a in attributes[i] where a.name == name { return a.value }
        return nil
    }

    /// The element's children, in order (elements and text).
    public func children(_ i: Int) -> [Int] {
        var out: [Int] = []
        var c = i + 1
        while c < ends[i] {
            out.append(c)
            c = ends[c]
        }
        return out
    }

    /// The first element of that name, in document order.
    public func first(_ name: String, within root: Int? = nil) -> Int? {
        let range = root.map { ($0 + 1)..<ends[$0] } ?? 0..<count
        return range.first { names[$0] == name }
    }

    // MARK: parsing

    /// The element names whose text never belongs to the tree we keep (JSON-LD scripts excepted).
    static let rawTextDropped: Set<String> = ["script", "style", "template", "svg", "math"]

    /// Parses an HTML document or fragment. `encoding` is an IANA charset name for bytes that are
    /// not UTF-8 (nil: UTF-8). Never fails: an empty or unparsable input gives an empty tree.
    public static func parse(bytes: [UInt8], encoding: String? = nil) -> HTMLTree {
        _ = libxmlReady
        var tree = HTMLTree()
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return tree }
        // End tags that close nothing would cost libxml2 a search of its whole stack each.
        let bytes = StrayEndTags.strip(bytes)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                htmlReadMemory(p, Int32(buf.count), nil, encoding ?? "UTF-8", px_html_options())
            }
        }
        guard let doc else { return tree }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return tree }
        tree.build(from: root)
        return tree
    }

    public static func parse(_ text: String) -> HTMLTree {
        parse(bytes: Array(text.utf8), encoding: nil)
    }

    /// Copies the libxml2 tree by its own parent/sibling links (no stack, so depth costs nothing).
    private mutating func build(from root: xmlNodePtr) {
        var node: xmlNodePtr? = root
        var parent = -1
        var dropDepth = 0  // inside script/style/…: only a JSON-LD script's text is kept
        while let n = node {
            var descend = false
            if px_is_element(n) != 0 {
                let name = String(cString: n.pointee.name)
                let idx = append(name: name, text: "", attributes: Self.attributes(of: n), parent: parent)
                if n.pointee.children != nil {
                    parent = idx
                    descend = true
                    if Self.rawTextDropped.contains(name) { dropDepth += 1 }
                } else {
                    ends[idx] = count
                }
            } else if px_is_text(n) != 0, let content = n.pointee.content {
                let keep = dropDepth == 0 || (parent >= 0 && names[parent] == "script"
                    && (attribute(parent, "type")?.lowercased().contains("ld+json") ?? false))
                if keep { ends[append(name: "", text: String(cString: content), attributes: [], parent: parent)] = count }
            }
            if descend {
                node = n.pointee.children
                continue
            }
            var m = n
            node = nil
            while m != root {
                if let next = m.pointee.next {
                    node = next
                    break
                }
                guard let up = m.pointee.parent, parent >= 0 else { break }
                m = up
                ends[parent] = count
                if Self.rawTextDropped.contains(names[parent]) { dropDepth -= 1 }
                parent = parents[parent]
            }
        }
        // Whatever was still open (only on a malformed libxml2 tree) ends with the document.
        while parent >= 0 {
            ends[parent] = count
            parent = parents[parent]
        }
    }

    private mutating func append(name: String, text: String, attributes: [Attribute], parent: Int) -> Int {
        names.append(name)
        texts.append(text)
        self.attributes.append(attributes)
        parents.append(parent)
        ends.append(count + 1)
        depths.append(parent >= 0 ? depths[parent] + 1 : 0)
        return names.count - 1
    }

    private static func attributes(of n: xmlNodePtr) -> [Attribute] {
        var out: [Attribute] = []
        var a = n.pointee.properties
        while let attr = a {
            let name = String(cString: attr.pointee.name).lowercased()
            var value = ""
            var c = attr.pointee.children
            while let child = c {
                if let content = child.pointee.content { value += String(cString: content) }
                c = child.pointee.next
            }
            out.append(Attribute(name: name, value: value))
            a = attr.pointee.next
        }
        return out
    }
}

/// libxml2's one-time initialisation, run before the first parse (a thread-safe lazy global).
private let libxmlReady: Void = { xmlInitParser() }()
