/// Runs the analysis stages over cleaned articles: actors, then events.
/// Each stage reads what the earlier ones produced; ingestion (`CorpusLoader`) feeds it.
public enum Analyzer {
    public static func analyze(articles: [Article], warnings: [String] = []) -> Corpus {
        let corpus = Corpus(articles: articles, warnings: warnings)
        return corpus
    }
}
