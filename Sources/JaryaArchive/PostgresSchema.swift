import Foundation
import Jarya

/// The PostgreSQL archive's tables, one list of statements per schema version. Text compared
/// or sorted is `COLLATE "C"` (byte order, as SQLite's), so both archives sort alike whatever
/// the database's locale.
enum PostgresSchema {
    /// The advisory lock `migrate` holds: one host creates the tables, the others wait.
    static let migrationLock: Int64 = 0x4A61_7279_6131  // "Jarya1"

    static let v1: [String] = [
        """
        CREATE TABLE documents (
            id text COLLATE "C" PRIMARY KEY,
            path text COLLATE "C" NOT NULL,
            sha256 text,
            language text COLLATE "C",
            title text,
            summary text,
            published text COLLATE "C",
            text text,
            record jsonb NOT NULL,
            fts tsvector NOT NULL,
            indexed timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE INDEX documents_path ON documents (path)",
        "CREATE INDEX documents_language ON documents (language)",
        "CREATE INDEX documents_fts ON documents USING gin (fts)",
        """
        CREATE TABLE events (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            kind text,
            title text,
            start text COLLATE "C",
            "end" text COLLATE "C",
            time text,
            first_day text COLLATE "C",
            last_day text COLLATE "C"
        )
        """,
        "CREATE INDEX events_document ON events (document_id)",
        "CREATE INDEX events_first_day ON events (first_day, last_day)",
        "CREATE INDEX events_last_day ON events (last_day)",
        """
        CREATE TABLE event_places (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            place text NOT NULL,
            place_key text COLLATE "C" NOT NULL
        )
        """,
        "CREATE INDEX event_places_document ON event_places (document_id)",
        "CREATE INDEX event_places_place ON event_places (place_key, document_id)",
        """
        CREATE TABLE event_organizations (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            role text NOT NULL,
            name text NOT NULL,
            name_folded text COLLATE "C" NOT NULL
        )
        """,
        "CREATE INDEX event_organizations_document ON event_organizations (document_id)",
        "CREATE INDEX event_organizations_name ON event_organizations (name_folded, document_id)",
        """
        CREATE TABLE entities (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            type text COLLATE "C" NOT NULL,
            text text,
            start text,
            "end" text,
            name text,
            kind text,
            country text,
            acronym text,
            role text,
            value text,
            span_start integer,
            span_end integer,
            name_key text COLLATE "C",
            name_folded text COLLATE "C",
            text_folded text COLLATE "C",
            acronym_folded text COLLATE "C"
        )
        """,
        "CREATE INDEX entities_document ON entities (document_id)",
        "CREATE INDEX entities_type_name ON entities (type, name_key, document_id)",
        "CREATE INDEX entities_type_folded ON entities (type, name_folded)",
    ]

    /// Version 2, for indexing speed: child rows are deleted with their document by the writer
    /// (`deleteDocuments`) instead of by foreign-key triggers checked row by row; the B-tree
    /// indexes on folded names, which the substring filters never used, are gone; and the large
    /// columns are compressed with lz4 where the server has it (pglz cost more than the rest).
    static let v2: [String] = [
        "ALTER TABLE events DROP CONSTRAINT IF EXISTS events_document_id_fkey",
        "ALTER TABLE event_places DROP CONSTRAINT IF EXISTS event_places_document_id_fkey",
        "ALTER TABLE event_organizations DROP CONSTRAINT IF EXISTS event_organizations_document_id_fkey",
        "ALTER TABLE entities DROP CONSTRAINT IF EXISTS entities_document_id_fkey",
        "DROP INDEX IF EXISTS entities_type_folded",
        "DROP INDEX IF EXISTS event_organizations_name",
        // Each document's folded organization and person names (every name, text and acronym
        // `--org` and `--person` look into), one string per document under a trigram index,
        // instead of a scan of every entity for a substring.
        #"ALTER TABLE documents ADD COLUMN organizations text COLLATE "C", ADD COLUMN persons text COLLATE "C""#,
        """
        UPDATE documents d SET organizations = n.names FROM (
            SELECT document_id, string_agg(v, E'\\x1f') AS names FROM (
                SELECT document_id, unnest(ARRAY[name_folded, text_folded, acronym_folded]) AS v FROM entities WHERE type = 'organization'
                UNION ALL SELECT document_id, name_folded FROM event_organizations) o
            WHERE v IS NOT NULL GROUP BY document_id) n
        WHERE n.document_id = d.id
        """,
        """
        UPDATE documents d SET persons = n.names FROM (
            SELECT document_id, string_agg(v, E'\\x1f') AS names FROM (
                SELECT document_id, unnest(ARRAY[name_folded, text_folded]) AS v FROM entities WHERE type = 'person') o
            WHERE v IS NOT NULL GROUP BY document_id) n
        WHERE n.document_id = d.id
        """,
        // pg_trgm is a trusted extension (the database owner may create it); without it the
        // filters read every document's names, slower but the same.
        """
        DO $$ BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE INDEX documents_organizations ON documents USING gin (organizations gin_trgm_ops);
            CREATE INDEX documents_persons ON documents USING gin (persons gin_trgm_ops);
        EXCEPTION WHEN OTHERS THEN NULL;
        END $$
        """,
        """
        DO $$ BEGIN
            ALTER TABLE documents ALTER COLUMN record SET COMPRESSION lz4, ALTER COLUMN text SET COMPRESSION lz4,
                                  ALTER COLUMN fts SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
        END $$
        """,
    ]

    /// Version 3, for search latency: each document carries its event's sort values and day
    /// span, and the places the place filter matches, so a page of results is read in order
    /// from one B-tree and stops after its 20 records instead of sorting every match.
    /// - `first_day`, `last_day`, `start`: the event's (as in `events`), under `documents_order`,
    ///   which is the search order itself;
    /// - `days`: the day span as an integer range (YYYYMMDD), under GiST, which finds the events
    ///   that began before a `--from` day and last into it without reading the earlier ones;
    /// - `places`: the event's place keys, or the place entities' names when the event names no
    ///   place (the place filter's rule), under GIN.
    /// The B-tree indexes the old filters read on `events`, `event_places` and `entities` go.
    static let v3: [String] = [
        """
        ALTER TABLE documents ADD COLUMN first_day text COLLATE "C", ADD COLUMN last_day text COLLATE "C",
            ADD COLUMN start text COLLATE "C", ADD COLUMN days int4range, ADD COLUMN places text[] COLLATE "C"
        """,
        """
        UPDATE documents d SET first_day = e.first_day, last_day = e.last_day, start = e.start,
            days = CASE WHEN e.first_day IS NOT NULL AND e.last_day IS NOT NULL
                        THEN int4range(replace(e.first_day, '-', '')::int4, replace(e.last_day, '-', '')::int4, '[]') END,
            places = coalesce(
                (SELECT array_agg(DISTINCT p.place_key) FROM event_places p WHERE p.document_id = d.id),
                (SELECT array_agg(DISTINCT x.name_key) FROM entities x WHERE x.document_id = d.id AND x.type = 'place' AND x.name_key IS NOT NULL))
        FROM documents o LEFT JOIN events e ON e.document_id = o.id
        WHERE o.id = d.id
        """,
        #"CREATE INDEX documents_order ON documents ((first_day IS NULL), first_day NULLS FIRST, start NULLS FIRST, path, id)"#,
        "CREATE INDEX documents_days ON documents USING gist (days)",
        "CREATE INDEX documents_places ON documents USING gin (places)",
        // Search no longer reads these; each costs every writer an index entry per row.
        "DROP INDEX IF EXISTS events_first_day",
        "DROP INDEX IF EXISTS events_last_day",
        "DROP INDEX IF EXISTS event_places_place",
        "DROP INDEX IF EXISTS entities_type_name",
        "ANALYZE documents",
    ]

    /// Version 4, for indexing speed: `documents.text`, which no search or export read (the
    /// record's `jsonb` holds the text), goes, so a writer no longer compresses and stores every
    /// release's text twice; and the full-text index keeps a longer list of new entries (16 MB,
    /// not 4) before merging them into its tree, merging more documents' words in one pass.
    static let v4: [String] = [
        "ALTER TABLE documents DROP COLUMN IF EXISTS text",
        "ALTER INDEX documents_fts SET (gin_pending_list_limit = 16384)",
    ]

    /// Version 5, for indexing speed: the child tables' derived columns that no search, export or
    /// copy reads since version 3 (searches read `documents` alone, exports and copies the
    /// `jsonb` records) go, so a writer no longer sends and the server no longer stores them for
    /// every entity of every release: `entities.name_key`, `name_folded`, `text_folded`,
    /// `acronym_folded`, `event_organizations.name_folded` and `event_places.place_key`. The
    /// names and places themselves stay, and `documents.organizations`, `.persons` and `.places`
    /// still hold the folded names and place keys the filters read. Dropping a column is instant:
    /// existing rows are not rewritten.
    static let v5: [String] = [
        """
        ALTER TABLE entities DROP COLUMN IF EXISTS name_key, DROP COLUMN IF EXISTS name_folded,
            DROP COLUMN IF EXISTS text_folded, DROP COLUMN IF EXISTS acronym_folded
        """,
        "ALTER TABLE event_organizations DROP COLUMN IF EXISTS name_folded",
        "ALTER TABLE event_places DROP COLUMN IF EXISTS place_key",
    ]

    /// The search order (`ArchiveIndex.search`'s, NULLs first as in SQLite) on `documents`
    /// columns prefixed `p`: the key of `documents_order`, so PostgreSQL reads it from there.
    static func order(_ p: String) -> String {
        "\(p)first_day IS NULL, \(p)first_day NULLS FIRST, \(p)start NULLS FIRST, \(p)path, \(p)id"
    }

    /// Between the names in `documents.organizations` and `.persons`: no folded name holds it,
    /// so no substring of a query matches across two names.
    static let nameSeparator = "\u{1F}"

    /// Deletes the documents with these ids ($1) or paths ($2), returning the ids deleted.
    static let deleteDocuments =
        "DELETE FROM documents WHERE id = ANY($1::text[]) OR path = ANY($2::text[]) RETURNING id"

    /// The other tables' rows of the documents deleted ($1, their ids): one statement per
    /// table, each through its `document_id` index.
    static let deleteRows = ["events", "event_places", "event_organizations", "entities"].map {
        "DELETE FROM \($0) WHERE document_id = ANY($1::text[])"
    }
}
