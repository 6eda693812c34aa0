import Foundation

/// Finds the article files under the paths a user gives: folders are walked recursively, hidden
/// entries skipped, symbolic links followed once (a link back into a folder already walked is a loop
/// and is reported, not followed).
public struct FileWalker: Sendable {
    /// Extensions read as articles.
    public static let articleExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "json", "jsonl", "ndjson"]

    public init() {}

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
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw LoadError.missingPath(path)
            }
            let url = URL(fileURLWithPath: path)
            if isDir.boolValue {
                walkFolder(url, display: path, files: &files, warnings: &warnings, visited: &visitedFolders)
            } else if let kind = FileWalker.irregularKind(path) {
                warnings.append("\(path): \(kind), not a regular file, skipped")
            } else {
                // A file named explicitly is read whatever its extension: the user asked for it.
                files.append(Found(path: path, url: url))
            }
        }
        return (files, warnings)
    }

    private func walkFolder(_ url: URL, display: String, files: inout [Found], warnings: inout [String],
                            visited: inout Set<String>) {
        let real = url.resolvingSymlinksInPath().path
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
            if isDir.boolValue {
                walkFolder(child, display: childDisplay, files: &files, warnings: &warnings, visited: &visited)
            } else if name != Manifest.fileName,
                      FileWalker.articleExtensions.contains(child.pathExtension.lowercased()) {
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
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFDIR: return "a folder"
        default: return "a special file"
        }
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
