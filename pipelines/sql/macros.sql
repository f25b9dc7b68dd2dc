-- Macros shared by the SQL models, created once when the database is opened.
--
-- A cited paragraph is a struct {doc_id, para_no}: in a corpus a paragraph number alone is
-- ambiguous, so every list of citations keeps each paragraph's document (catalog type CITES).

-- What counts toward coverage: claims and evidence in which the report describes the mechanism
-- doing the activity (role actor), not a lack, a yardstick, a participation in another body's act
-- or a mention in passing. The one statement of the rule in SQL; catalog/evidence.ts isCounted is
-- its TypeScript side, and a test checks the two agree on every role.
CREATE OR REPLACE MACRO is_counted(role) AS role = 'actor';

-- One document's part of a citation: cite_paras('A/HRC/14/32', [24, 62]) → 'A/HRC/14/32, paras. 24, 62'
-- (paras distinct and ascending; 'para.' for one).
CREATE OR REPLACE MACRO cite_paras(symbol, paras) AS
    symbol || CASE WHEN len(paras) = 1 THEN ', para. ' ELSE ', paras. ' END || array_to_string(paras, ', ');

-- cite([{doc_id: 'a-hrc-14-32', para_no: 62}, {doc_id: 'a-hrc-14-32', para_no: 24},
--       {doc_id: 'a-hrc-wg-6-20-svn-3', para_no: 30}])
--   → 'A/HRC/14/32, paras. 24, 62; A/HRC/WG.6/20/SVN/3, para. 30'
-- Each document by its symbol (documents table), documents in symbol order, each one's paragraphs
-- ascending and once; NULL for an empty list (nothing to cite).
CREATE OR REPLACE MACRO cite(refs) AS (
    SELECT string_agg(cite_paras(symbol, paras), '; ' ORDER BY symbol)
    FROM (
        SELECT
            coalesce(any_value(d.symbol), r.doc_id) AS symbol,
            list_sort(list_distinct(list(r.para_no))) AS paras
        FROM (SELECT unnest(refs, recursive := true)) AS r
        LEFT JOIN documents AS d ON d.doc_id = r.doc_id
        GROUP BY r.doc_id
    )
);

-- cite() for many lists at once, as a table: the rows of `cited_table` (a table or CTE named by a
-- string, with columns key, doc_id, para_no) give, per key, its cited paragraphs once each by
-- document then paragraph (what cites_sorted gives) and their citation (what cite gives). For lists
-- of thousands of paragraphs this is one grouping instead of one subquery per list.
CREATE OR REPLACE MACRO cited_rows(cited_table) AS TABLE
    SELECT
        key,
        flatten(list(list_transform(paras, p -> {'doc_id': doc_id, 'para_no': p}) ORDER BY doc_id)) AS sources,
        string_agg(cite_paras(symbol, paras), '; ' ORDER BY symbol) AS cited
    FROM (
        SELECT r.key, r.doc_id, coalesce(any_value(d.symbol), r.doc_id) AS symbol,
            list_sort(list_distinct(list(r.para_no))) AS paras
        FROM query_table(cited_table) AS r
        LEFT JOIN documents AS d ON d.doc_id = r.doc_id
        GROUP BY r.key, r.doc_id
    )
    GROUP BY key;

-- The paragraphs of one document as a list of cited paragraphs: cites_of('a-hrc-14-32', [85, 88]).
-- (The document goes in through list_zip, not the lambda: doc may be a subquery, which a lambda cannot hold.)
CREATE OR REPLACE MACRO cites_of(doc, paras) AS
    list_transform(
        list_zip(coalesce(paras, []::INTEGER[]), list_resize([doc], len(coalesce(paras, []::INTEGER[])), doc)),
        z -> {'doc_id': z[2], 'para_no': z[1]::INTEGER});

-- Cited paragraphs once each, by document then paragraph.
CREATE OR REPLACE MACRO cites_sorted(refs) AS list_sort(list_distinct(refs));

-- The paragraph numbers of a list of cited paragraphs, in its order (the INTEGER[] columns beside it).
CREATE OR REPLACE MACRO para_nos(refs) AS list_transform(refs, r -> r.para_no);

-- No citations: the empty list, typed.
CREATE OR REPLACE MACRO no_cites() AS []::STRUCT(doc_id VARCHAR, para_no INTEGER)[];

-- The curated registry (data/registry) cites paragraphs of A/HRC/14/32 (REGISTRY_SOURCE_SYMBOL in
-- pipelines/registry/check-citations.ts): keyed to that document when the corpus holds it, else
-- empty, since a citation must point into the corpus.
CREATE OR REPLACE MACRO registry_doc_id() AS (SELECT min(doc_id) FROM documents WHERE symbol = 'A/HRC/14/32');
CREATE OR REPLACE MACRO registry_cites(paras) AS
    CASE WHEN registry_doc_id() IS NULL THEN no_cites() ELSE cites_of(registry_doc_id(), paras) END;

-- A statement's closing citation: ' (A/HRC/14/32, paras. 85, 88)', or nothing when nothing is cited.
CREATE OR REPLACE MACRO cite_note(refs) AS
    CASE WHEN len(coalesce(refs, no_cites())) > 0 THEN ' (' || cite(refs) || ')' ELSE '' END;

-- The words of text t from UTF-16 offset s to e (exclusive), as JavaScript's t.slice(s, e) gives them:
-- the pipeline's offsets are UTF-16 units, DuckDB's substring counts code points. The two differ only
-- after a character outside the Basic Multilingual Plane (an emoji, a rare CJK character), which
-- UTF-16 counts twice. `astral` says whether t has one (the caller knows: claim_spans.astral); if
-- so, each such character is followed by a U+FFFF (a noncharacter, never in a document) while
-- slicing, so it counts twice here too, and the U+FFFF are removed from the slice.
CREATE OR REPLACE MACRO utf16_slice(t, astral, s, e) AS
    CASE WHEN NOT astral THEN substring(t, s + 1, e - s)
    ELSE replace(substring(regexp_replace(t, '([\x{10000}-\x{10FFFF}])', '\1' || chr(65535), 'g'), s + 1, e - s), chr(65535), '')
    END;
