/// Runs the analysis stages over cleaned articles: actors, then events.
/// Each stage reads what the earlier ones produced; ingestion (`CorpusLoader`) feeds it.
public enum Analyzer {
    public static func analyze(articles: [Article], warnings: [String] = []) -> Corpus {
        var corpus = Corpus(articles: articles, warnings: warnings)
        let actors = ActorAnalysis(gazetteer: .shipped, lexicon: .shipped).run(articles)
        corpus.actors = actors.actors
        corpus.quotes = actors.quotes
        // Events read the actors (participants) and may date undated articles.
        corpus = EventGrouper().run(corpus)
        return corpus
    }
}
