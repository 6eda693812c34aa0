import Foundation
import PostgresNIO

/// The PostgreSQL schema, as ordered migrations recorded in `parallax_migration` (as GRDB records the
/// SQLite ones): a database opened by an older Parallax gets the missing ones, one written by a newer
/// one is refused.
///
/// Articles keep their texts in columns and their metadata as read in `record` (JSON); their words
/// are two `tsvector`s (title, body) of `Fold.words`, so that a word matches here exactly what it
/// matches in SQLite's FTS5 index and in memory. The analysis (actors, events) is one JSON document
/// per actor and per event, with link tables for what queries filter on.
enum PostgresSchema {
    /// `pg_advisory_xact_lock` key of the store's writers (any number: "parallax" in a 63-bit int).
    static let writeLockKey: Int64 = 0x7061_7261_6C6C_6178 & Int64.max

    static let migrations: [(id: String, statements: [String])] = [
        ("v1", [
            "CREATE TABLE parallax_meta (key text PRIMARY KEY, value text NOT NULL)",
            """
            CREATE TABLE source_file (path text PRIMARY KEY, position integer NOT NULL, meta_key text NOT NULL,
                size bigint NOT NULL, mtime_ns bigint NOT NULL, hash text NOT NULL, warnings text NOT NULL)
            """,
            """
            CREATE TABLE article (
                seq bigserial PRIMARY KEY,
                id text NOT NULL UNIQUE,
                file_path text NOT NULL REFERENCES source_file(path) ON DELETE CASCADE,
                file_position integer NOT NULL,
                position integer NOT NULL,
                path text NOT NULL,
                title text,
                outlet text,
                -- the date as analysed (events may infer it); the date as read is in record
                published text,
                published_source text,
                published_confidence double precision,
                primary_event text,
                has_quote boolean NOT NULL DEFAULT false,
                words integer NOT NULL,
                record jsonb NOT NULL,
                body text NOT NULL,
                raw_text text NOT NULL,
                title_words tsvector NOT NULL,
                body_words tsvector NOT NULL)
            """,
            "CREATE INDEX article_order ON article (file_position, position)",
            "CREATE INDEX article_file ON article (file_path)",
            "CREATE INDEX article_published ON article (published)",
            "CREATE INDEX article_title_words ON article USING gin (title_words)",
            "CREATE INDEX article_body_words ON article USING gin (body_words)",
            """
            CREATE TABLE actor (id text PRIMARY KEY, position integer NOT NULL, name text NOT NULL,
                names text[] NOT NULL, record jsonb NOT NULL)
            """,
            "CREATE TABLE article_actor (actor_id text NOT NULL, article_id text NOT NULL, PRIMARY KEY (actor_id, article_id))",
            "CREATE TABLE event (id text PRIMARY KEY, position integer NOT NULL, kind text NOT NULL, record jsonb NOT NULL)",
            "CREATE TABLE article_event (event_id text NOT NULL, article_id text NOT NULL, PRIMARY KEY (event_id, article_id))",
            """
            CREATE TABLE user_data (article_id text NOT NULL, kind text NOT NULL, key text NOT NULL, value text NOT NULL,
                at timestamptz NOT NULL DEFAULT now(), seq bigserial, PRIMARY KEY (article_id, kind, key))
            """,
        ]),
    ]

    static var version: Int { migrations.count }

    /// Applies the missing migrations, each in the transaction that records it, under the write lock:
    /// two processes opening one new database do not both create the tables. Returns those applied.
    static func migrate(_ session: PostgresSession) throws -> [String] {
        try session.transaction { tx in
            try tx.query("CREATE TABLE IF NOT EXISTS parallax_migration (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            let applied = Set(try tx.query("SELECT id FROM parallax_migration").map { try $0.at(0, String.self) })
            let known = Set(migrations.map(\.id))
            if !applied.subtracting(known).isEmpty {
                throw PostgresStoreError(message: "\(session.location): the database was written by a newer version of parallax")
            }
            var done: [String] = []
            for m in migrations where !applied.contains(m.id) {
                for s in m.statements { try tx.query(s) }
                var b = PostgresBindings()
                b.append(m.id)
                try tx.query("INSERT INTO parallax_migration (id) VALUES ($1)", b)
                done.append(m.id)
            }
            return done
        }
    }
}
