import GRDB
import ParallaxCore

/// The index schema as GRDB migrations. Plain tables use portable SQL (TEXT, INTEGER, REAL; dates as
/// `YYYY-MM-DD` text, which sorts); only the full-text table is SQLite-specific (FTS5).
enum Schema {
    /// `PRAGMA application_id` of every index ("PRLX"): how an index path is told from a file that
    /// Parallax must not touch.
    static let applicationID: UInt32 = 0x5052_4C58
    /// Bumped with each migration; `--stats` prints it.
    static var version: Int { migrationIDs.count }
    static let migrationIDs = ["v1", "v2", "v3", "v4", "v5", "v6-user-data", "v7-compact-mentions", "v8-name-keys"]
    /// Migrations that discard the indexed data (the files are read again): named in the message.
    static let rebuildingMigrations: Set<String> = ["v2"]

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE source_file (
                    path TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    meta_key TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    hash TEXT NOT NULL,
                    warnings TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX source_file_position ON source_file(position);
                CREATE TABLE article (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    file_path TEXT NOT NULL REFERENCES source_file(path) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    format TEXT NOT NULL,
                    title TEXT,
                    outlet TEXT,
                    outlet_key TEXT,
                    outlet_source TEXT NOT NULL,
                    -- The date after corpus analysis (events may infer it), which filters use ...
                    published TEXT,
                    published_source TEXT,
                    published_confidence REAL,
                    -- ... and the date as read from the file, which the next analysis starts from.
                    read_published TEXT,
                    read_published_source TEXT,
                    read_published_confidence REAL,
                    -- A date without a year, resolved across the corpus (JSON of DateMention).
                    partial_date TEXT,
                    url TEXT,
                    sources TEXT NOT NULL,
                    removed TEXT NOT NULL,
                    truncated INTEGER NOT NULL,
                    words INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    raw_text TEXT NOT NULL,
                    analysis_hash TEXT
                );
                CREATE INDEX article_file ON article(file_path, position);
                CREATE INDEX article_outlet ON article(outlet_key, published);
                CREATE INDEX article_published ON article(published);

                CREATE TABLE actor (
                    id TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    affiliation TEXT,
                    is_source INTEGER NOT NULL
                );
                CREATE TABLE actor_alias (
                    actor_id TEXT NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    alias TEXT NOT NULL,
                    alias_key TEXT NOT NULL,
                    PRIMARY KEY (actor_id, position)
                );
                CREATE INDEX actor_alias_key ON actor_alias(alias_key);

                -- Rows derived from one article carry its id, so a changed article rewrites only its rows.
                CREATE TABLE mention (
                    article_id TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    range_start INTEGER NOT NULL,
                    range_end INTEGER NOT NULL,
                    surface TEXT NOT NULL
                );
                CREATE INDEX mention_actor ON mention(actor_id, article_id);
                CREATE INDEX mention_article ON mention(article_id);
                CREATE TABLE actor_role (
                    article_id TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    role TEXT NOT NULL
                );
                CREATE INDEX actor_role_article ON actor_role(article_id);
                CREATE INDEX actor_role_actor ON actor_role(actor_id);
                CREATE TABLE quote (
                    article_id TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    range_start INTEGER NOT NULL,
                    range_end INTEGER NOT NULL,
                    speaker TEXT,
                    speaker_label TEXT
                );
                CREATE INDEX quote_article ON quote(article_id);
                CREATE INDEX quote_actor ON quote(actor_id);

                CREATE TABLE event (
                    id TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    date TEXT,
                    place TEXT
                );
                CREATE INDEX event_date ON event(date);
                CREATE TABLE event_participant (
                    event_id TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    PRIMARY KEY (event_id, position)
                );
                -- role: 'primary' (the article reports it) or 'mention' (it names it); position keeps
                -- the order of Event.articles / Event.mentionedBy.
                CREATE TABLE article_event (
                    article_id TEXT NOT NULL,
                    event_id TEXT NOT NULL,
                    role TEXT NOT NULL,
                    position INTEGER NOT NULL
                );
                CREATE INDEX article_event_event ON article_event(event_id, role);
                CREATE INDEX article_event_article ON article_event(article_id);
                """)
            // External-content FTS5 over titles and bodies: bm25 and snippet() read the text back from
            // `article`. The triggers are written here rather than by GRDB's `synchronize(withTable:)`
            // so that updating other columns (analysis fingerprints, inferred dates) does not
            // re-tokenize the body.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE article_fts USING fts5(
                    title, body, content='article', content_rowid='seq',
                    tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
                    INSERT INTO article_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
                END;
                CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
                    INSERT INTO article_fts(article_fts, rowid, title, body)
                        VALUES ('delete', old.seq, old.title, old.body);
                END;
                CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body ON article BEGIN
                    INSERT INTO article_fts(article_fts, rowid, title, body)
                        VALUES ('delete', old.seq, old.title, old.body);
                    INSERT INTO article_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
                END;
                """)
        }
        // v2 moves the texts out of `article` so that list queries read compact rows, and adds
        // prefix indexes for search as you type. An index is a cache: v1 data is dropped and the
        // files are read again rather than moved row by row.
        m.registerMigration("v2") { db in
            try db.execute(sql: "DROP TABLE IF EXISTS article_fts")
            for trigger in ["article_fts_insert", "article_fts_delete", "article_fts_update"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
            }
            for table in ["article_event", "event_participant", "event", "quote", "actor_role", "mention",
                          "event_mention", "article_quote",
                          "actor_alias", "actor", "article", "source_file", "meta"] {
                try db.execute(sql: "DROP TABLE IF EXISTS \(table)")
            }
            try createV2(db)
        }
        // v3 adds the cache of per-article extractions (`ArticleExtraction`), so that an update
        // re-extracts only new and changed articles. Nothing is dropped: the first analysis after the
        // migration fills it.
        m.registerMigration("v3") { db in
            try createV3(db)
        }
        // v4 keeps each article's file position in its own row (a trigger follows files that move in
        // the listing), so that the corpus order of 100,000 articles is one table scan, not a join
        // on file paths: the TUI's first frame reads it.
        m.registerMigration("v4") { db in
            try createV4(db)
        }
        // v5 keeps why each article was grouped into its event (`MembershipEvidence` as JSON), so
        // `events --json` and the compare pane can show it from the index.
        m.registerMigration("v5") { db in
            try db.execute(sql: "ALTER TABLE article_event ADD COLUMN evidence TEXT")
        }
        // v6-user-data keeps the analyst's marks, tags and read state by article id. Unlike every other
        // table it is not derived from the files: no update, rebuild or re-analysis deletes from it
        // (an article id is stable, so a row finds its article again after the article is re-read).
        m.registerMigration("v6-user-data") { db in
            try db.execute(sql: """
                CREATE TABLE user_data (
                    article_id TEXT NOT NULL,
                    -- 'mark', 'tag' or 'read'
                    kind TEXT NOT NULL,
                    -- A tag folded (how tags compare), '' for marks and read state; value: as typed.
                    key TEXT NOT NULL DEFAULT '',
                    value TEXT NOT NULL DEFAULT '',
                    at TEXT NOT NULL,
                    PRIMARY KEY (article_id, kind, key)
                );
                CREATE INDEX user_data_kind ON user_data(kind, key);
                """)
        }
        // v7 stores event mentions as columns instead of a JSON object each (a million JSON decodes per
        // command at 20,000 articles of 50 event words), and keeps each actor's mention and article
        // counts and short name in its row, written with it, so that `actors` reads one row per actor.
        // The events and actor rows are dropped and written again by the next analysis, which the
        // stale `analysis_current` triggers; articles and cached extractions stay.
        m.registerMigration("v7-compact-mentions") { db in
            try createV7(db)
        }
        // v8 keeps each name's spelling-variant key (`NameKey.phraseKey`) and its words reversed, so
        // that `actor:NAME` (and `quotes --actor`) resolves by indexed lookups instead of keying every
        // name of the corpus in each process. Computed here for the names already indexed.
        m.registerMigration("v8-name-keys") { db in
            try createV8(db)
        }
        return m
    }

    static func createV8(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE actor_alias ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
            ALTER TABLE actor_alias ADD COLUMN name_key_reversed TEXT NOT NULL DEFAULT '';
            """)
        let update = try db.makeStatement(sql: "UPDATE actor_alias SET name_key = ?, name_key_reversed = ? WHERE rowid = ?")
        for r in try Row.fetchAll(db, sql: "SELECT rowid, alias FROM actor_alias") {
            let k = NameLookup.keys(r[1])
            try update.execute(arguments: [k.key, k.reversed, r[0] as Int64])
        }
        try db.execute(sql: """
            CREATE INDEX actor_alias_name_key ON actor_alias(name_key);
            CREATE INDEX actor_alias_name_key_reversed ON actor_alias(name_key_reversed);
            """)
    }

    static func createV7(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS event_mention;
            -- One EventMention per row. date_kind: 0 none, 1 span (date_a…date_b as day ordinals),
            -- 2 weekday (date_a), 3 month and day (date_a, date_b). participants: the names joined by
            -- U+001F, or participants_json when a name holds that character.
            CREATE TABLE event_mention (
                event_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                article_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                trigger TEXT NOT NULL,
                range_start INTEGER, range_end INTEGER,
                sentence_start INTEGER, sentence_end INTEGER,
                date_kind INTEGER NOT NULL,
                date_a INTEGER, date_b INTEGER,
                date_start INTEGER, date_end INTEGER,
                place TEXT,
                place_start INTEGER, place_end INTEGER,
                participants TEXT,
                participants_json TEXT,
                in_headline INTEGER NOT NULL,
                stated_ahead INTEGER NOT NULL,
                paragraph INTEGER NOT NULL,
                weight REAL NOT NULL,
                PRIMARY KEY (event_id, position)
            );
            CREATE INDEX event_mention_article ON event_mention(article_id);
            ALTER TABLE actor ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE actor ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE actor ADD COLUMN short_name TEXT;
            DELETE FROM article_event WHERE role <> 'primary';
            DELETE FROM event_participant;
            DELETE FROM event;
            DELETE FROM meta WHERE key = 'actors_hash';
            UPDATE meta SET value = '0' WHERE key = 'analysis_current';
            """)
    }

    static func createV4(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE article ADD COLUMN file_position INTEGER NOT NULL DEFAULT 0;
            UPDATE article SET file_position =
                coalesce((SELECT f.position FROM source_file f WHERE f.path = article.file_path), 0);
            CREATE INDEX article_order ON article(file_position, position);
            CREATE TRIGGER source_file_moved AFTER UPDATE OF position ON source_file
                WHEN new.position != old.position
            BEGIN
                UPDATE article SET file_position = new.position WHERE file_path = new.path;
            END;
            """)
    }

    /// `base`: actors and lead words (depend on the article alone); `events`: local events with the
    /// fingerprints of their inputs. The row goes with its article (a changed file replaces both).
    /// The meta key `extract_version` names the extractor and data the rows were computed with.
    static func createV3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE article_extract (
                seq INTEGER PRIMARY KEY REFERENCES article(seq) ON DELETE CASCADE,
                base BLOB NOT NULL,
                events BLOB
            );
            """)
    }

    static func createV2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            CREATE TABLE source_file (
                path TEXT PRIMARY KEY NOT NULL,
                position INTEGER NOT NULL,
                meta_key TEXT NOT NULL,
                size INTEGER NOT NULL,
                mtime_ns INTEGER NOT NULL,
                hash TEXT NOT NULL,
                warnings TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX source_file_position ON source_file(position);
            -- Metadata only: a list of thousands of rows reads a few pages, not the texts.
            CREATE TABLE article (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                file_path TEXT NOT NULL REFERENCES source_file(path) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                path TEXT NOT NULL,
                format TEXT NOT NULL,
                title TEXT,
                outlet TEXT,
                outlet_key TEXT,
                outlet_source TEXT NOT NULL,
                -- The date after corpus analysis (events may infer it), which filters use ...
                published TEXT,
                published_source TEXT,
                published_confidence REAL,
                -- ... and the date as read from the file, which the next analysis starts from.
                read_published TEXT,
                read_published_source TEXT,
                read_published_confidence REAL,
                -- A date without a year, resolved across the corpus (JSON of DateMention).
                partial_date TEXT,
                url TEXT,
                sources TEXT NOT NULL,
                removed TEXT NOT NULL,
                truncated INTEGER NOT NULL,
                words INTEGER NOT NULL,
                analysis_hash TEXT
            );
            CREATE INDEX article_file ON article(file_path, position);
            CREATE INDEX article_outlet ON article(outlet_key, published);
            CREATE INDEX article_published ON article(published);
            CREATE TABLE article_text (
                seq INTEGER PRIMARY KEY REFERENCES article(seq) ON DELETE CASCADE,
                body TEXT NOT NULL,
                raw_text TEXT NOT NULL
            );
            CREATE VIEW article_document AS
                SELECT a.seq AS seq, a.title AS title, t.body AS body
                FROM article a JOIN article_text t ON t.seq = a.seq;

            CREATE TABLE actor (
                id TEXT PRIMARY KEY NOT NULL,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                affiliation TEXT,
                is_source INTEGER NOT NULL,
                -- The order of the actor's mentions, roles and quotes as runs of article ids.
                mention_runs TEXT NOT NULL,
                role_runs TEXT NOT NULL,
                quote_runs TEXT NOT NULL
            );
            CREATE TABLE actor_alias (
                actor_id TEXT NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                alias TEXT NOT NULL,
                alias_key TEXT NOT NULL,
                PRIMARY KEY (actor_id, position)
            );
            CREATE INDEX actor_alias_key ON actor_alias(alias_key);

            -- Rows derived from one article carry its id, so a changed article rewrites only its rows.
            CREATE TABLE mention (
                article_id TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                range_start INTEGER NOT NULL,
                range_end INTEGER NOT NULL,
                surface TEXT NOT NULL
            );
            CREATE INDEX mention_actor ON mention(actor_id, article_id);
            CREATE INDEX mention_article ON mention(article_id);
            CREATE TABLE actor_role (
                article_id TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                role TEXT NOT NULL
            );
            CREATE INDEX actor_role_article ON actor_role(article_id);
            CREATE INDEX actor_role_actor ON actor_role(actor_id);
            CREATE TABLE quote (
                article_id TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                text TEXT NOT NULL,
                range_start INTEGER NOT NULL,
                range_end INTEGER NOT NULL,
                speaker TEXT,
                speaker_label TEXT
            );
            CREATE INDEX quote_article ON quote(article_id);
            CREATE INDEX quote_actor ON quote(actor_id);
            -- Every quotation of the corpus (Corpus.quotes), attributed or not.
            CREATE TABLE article_quote (
                article_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                text TEXT NOT NULL,
                range_start INTEGER NOT NULL,
                range_end INTEGER NOT NULL,
                speaker TEXT,
                speaker_label TEXT
            );
            CREATE INDEX article_quote_article ON article_quote(article_id);

            -- hash: fingerprint of the event with its lists, so that only changed events are rewritten.
            CREATE TABLE event (
                id TEXT PRIMARY KEY NOT NULL,
                position INTEGER NOT NULL,
                title TEXT NOT NULL,
                kind TEXT NOT NULL,
                date TEXT,
                place TEXT,
                hash TEXT NOT NULL
            );
            -- Where articles name an event (EventMention as JSON: many optional parts, read whole).
            CREATE TABLE event_mention (
                event_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                article_id TEXT NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (event_id, position)
            );
            CREATE INDEX event_mention_article ON event_mention(article_id);
            CREATE INDEX event_date ON event(date);
            CREATE TABLE event_participant (
                event_id TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                PRIMARY KEY (event_id, position)
            );
            -- role: 'article' (in Event.articles), 'mention' (Event.mentionedBy) or 'primary'
            -- (Corpus.primaryEvent); position keeps the order of the lists.
            CREATE TABLE article_event (
                article_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                role TEXT NOT NULL,
                position INTEGER NOT NULL
            );
            CREATE INDEX article_event_event ON article_event(event_id, role);
            CREATE INDEX article_event_article ON article_event(article_id, role);
            """)
        // External-content FTS5 over titles and bodies (through the view): bm25 (titles weigh 4×,
        // set as the table's rank) and snippet() read the text back from the view. A prefix index of
        // two characters keeps the first letters typed into a search from expanding to thousands of
        // terms (three-letter prefixes are fast without one; each prefix index costs build time).
        // The triggers are ours rather than GRDB's `synchronize(withTable:)` so that updating other
        // columns (analysis fingerprints, inferred dates) does not re-tokenize anything.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE article_fts USING fts5(
                title, body, content='article_document', content_rowid='seq',
                tokenize='unicode61 remove_diacritics 2', prefix='2');
            INSERT INTO article_fts(article_fts, rank) VALUES('rank', 'bm25(4.0, 1.0)');
            CREATE TRIGGER article_fts_insert AFTER INSERT ON article_text BEGIN
                INSERT INTO article_fts(rowid, title, body)
                    VALUES (new.seq, (SELECT title FROM article WHERE seq = new.seq), new.body);
            END;
            CREATE TRIGGER article_fts_delete BEFORE DELETE ON article BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, body)
                    SELECT 'delete', old.seq, old.title, t.body FROM article_text t WHERE t.seq = old.seq;
            END;
            CREATE TRIGGER article_fts_update AFTER UPDATE OF title ON article BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, body)
                    SELECT 'delete', old.seq, old.title, t.body FROM article_text t WHERE t.seq = old.seq;
                INSERT INTO article_fts(rowid, title, body)
                    SELECT new.seq, new.title, t.body FROM article_text t WHERE t.seq = new.seq;
            END;
            """)
    }
}
