import Foundation

/// Finds the article files under the paths a user gives: folders are walked recursively, hidden
/// entries skipped, symbolic links followed once (a link back into a folder already walked is a loop
/// and is reported, not followed). A link is followed only when it resolves inside one of the given
/// paths, unless `followOutside` says otherwise (a corpus is what the user gave, and a link to
/// `/proc/self/pagemap` or to someone's home must not be read by accident); nothing under `/proc`,
/// `/sys` or `/dev` is ever listed.
public struct FileWalker: Sendable {
    /// Extensions read as articles.
    public static let articleExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "json", "jsonl", "ndjson"]

    /// Follow symbolic links that lead outside the given paths (`--follow-outside`).
    public var followOutside: Bool

    public init(followOutside: Bool = false) {
        self.followOutside = followOutside
    }

    /// A file found, with the path as the user will see it.
    public struct Found: Sendable, Equatable {
        public var path: String
        public var url: URL
        public init(path: String, url: URL) {
            self.path = path
            self.url = url
        }
    }

    /// Throws `LoadError.missingPath` for a path that does not exist; everything below a folder
    /// that can't be read becomes a warning.
    public func walk(_ paths: [String]) throws(LoadError) -> (files: [Found], warnings: [String]) {
        var files: [Found] = []
        var warnings: [String] = []
        var visitedFolders = Set<String>()
        let fm = FileManager.default
        var roots: [String] = []
        for path in paths {
            guard fm.fileExists(atPath: path) else { throw LoadError.missingPath(path) }
            if let real = SafeFile.realPath(path) { roots.append(real) }
        }
        let inside = Inside(roots: roots)
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw LoadError.missingPath(path)
            }
            if let real = SafeFile.realPath(path), SafeFile.isSystemPath(real) {
                warnings.append("\(path): a system file or folder (\(real)), not read")
                continue
            }
            let url = URL(fileURLWithPath: path)
            if isDir.boolValue {
                walkFolder(url, display: path, inside: inside, files: &files, warnings: &warnings, visited: &visitedFolders)
            } else if let kind = FileWalker.irregularKind(path) {
                warnings.append("\(path): \(kind), not a regular file, skipped")
            } else {
                // A file named explicitly is read whatever its extension: the user asked for it.
                files.append(Found(path: path, url: url))
            }
        }
        return (files, warnings)
    }

    /// The real paths of the given roots, to tell whether a link's target lies inside one of them.
    struct Inside {
        var roots: [String]
        func contains(_ real: String) -> Bool {
            roots.contains { real == $0 || real.hasPrefix($0 == "/" ? "/" : $0 + "/") }
        }
    }

    private func walkFolder(_ url: URL, display: String, inside: Inside, files: inout [Found], warnings: inout [String],
                            visited: inout Set<String>) {
        let real = SafeFile.realPath(url.path) ?? url.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            warnings.append("\(display): symbolic link loop, not followed")
            return
        }
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            warnings.append("\(display): folder cannot be read, skipped")
            return
        }
        for name in names where !name.hasPrefix(".") {
            let child = url.appendingPathComponent(name)
            let childDisplay = display.hasSuffix("/") ? display + name : display + "/" + name
            var isDir: ObjCBool = false
            if name.unicodeScalars.contains("\u{FFFD}") {
                // Foundation hands such names back with replacement characters: they can't be opened.
                warnings.append("\(childDisplay): file name is not valid UTF-8, skipped (rename it to read it)")
                continue
            }
            guard fm.fileExists(atPath: child.path, isDirectory: &isDir) else {
                warnings.append("\(childDisplay): broken symbolic link, skipped")
                continue
            }
            let isArticle = !isDir.boolValue && name != Manifest.fileName
                && FileWalker.articleExtensions.contains(child.pathExtension.lowercased())
            if (isDir.boolValue || isArticle), FileWalker.isSymbolicLink(child.path) {
                // Resolved to where it really leads, once per link (not per file: most are not links).
                guard let target = SafeFile.realPath(child.path) else {
                    warnings.append("\(childDisplay): broken symbolic link, skipped")
                    continue
                }
                if SafeFile.isSystemPath(target) {
                    warnings.append("\(childDisplay): symbolic link to a system file (\(target)), skipped")
                    continue
                }
                if !followOutside && !inside.contains(target) {
                    warnings.append("\(childDisplay): symbolic link to \(target), outside the corpus, skipped"
                                    + " (--follow-outside reads it)")
                    continue
                }
            }
            if isDir.boolValue {
                walkFolder(child, display: childDisplay, inside: inside, files: &files, warnings: &warnings, visited: &visited)
            } else if isArticle {
                if let kind = FileWalker.irregularKind(child.path) {
                    // Opening a FIFO blocks until someone writes; a device may never end.
                    warnings.append("\(childDisplay): \(kind), not a regular file, skipped")
                } else {
                    files.append(Found(path: childDisplay, url: child))
                }
            }
        }
    }
}

extension FileWalker {
    /// What a path is when it is not a regular file (after following links), else nil. Reading a named
    /// pipe blocks until a writer comes and a device can be endless, so neither is read as an article.
    static func irregularKind(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }  // unreadable: the reader says why
        return SafeFile.kindName(st.st_mode)
    }

    /// Whether the entry itself is a symbolic link (not what it points to).
    static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }
}

/// Why a corpus could not be loaded at all. Per-file problems are warnings, not errors.
public enum LoadError: Error, Equatable, CustomStringConvertible {
    case missingPath(String)
    case emptyCorpus([String])
    case noSampleCorpus

    public var description: String {
        switch self {
        case .missingPath(let p): return "no such file or folder: \(p)"
        case .emptyCorpus(let paths):
            return "no articles found in \(paths.joined(separator: ", ")) (looked for .txt, .md, .html, .htm, .json, .jsonl)"
        case .noSampleCorpus: return "the embedded sample corpus is missing from this build"
        }
    }
}
