import Foundation
import ParallaxCore

/// The ingestion steps the indexer drives: list the files of a corpus, turn one file's bytes into
/// cleaned articles, and run the corpus-level stages. Splitting them lets the indexer read only the
/// files that changed; `LoaderCorpusReader` implements it with ParallaxCore's loader.
public protocol CorpusReader: Sendable {
    /// The files under these roots, in corpus order, and warnings for what could not be listed.
    func listFiles(roots: [String]) throws -> (files: [String], warnings: [String])
    /// The cleaned articles of one file (already read into `data`), and warnings naming the file.
    func readFile(path: String, data: Data) -> (articles: [Article], warnings: [String])
    /// The corpus-level stages (actor merging, event grouping, dates across articles).
    func analyze(articles: [Article], warnings: [String]) -> Corpus
}

/// Size and modification time of a file, from one `stat` call (FileManager's attribute dictionary
/// costs ten times more, which shows on 100,000 files).
public struct FileStat: Sendable, Equatable {
    public var size: Int64
    public var mtimeNS: Int64

    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        size = Int64(st.st_size)
        #if os(Linux)
        mtimeNS = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #else
        mtimeNS = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #endif
    }
}
