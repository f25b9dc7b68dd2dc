-- Macros shared by the SQL models, created once when the database is opened.

-- cite([85, 88]) → 'A/HRC/14/32, paras. 85, 88'; cite([3]) → 'A/HRC/14/32, para. 3'.
-- The symbol comes from the documents table, so the same models serve any report;
-- a corpus of more than three documents is named by its first symbol and a count.
CREATE OR REPLACE MACRO cite(paras) AS
    coalesce((
        SELECT CASE WHEN count(*) <= 3 THEN string_agg(symbol, '; ' ORDER BY symbol)
                    ELSE min(symbol) || ' and ' || (count(*) - 1) || ' other documents' END
        FROM documents
    ), 'source')
    || CASE WHEN len(paras) = 1 THEN ', para. ' ELSE ', paras. ' END
    || array_to_string(paras, ', ');
