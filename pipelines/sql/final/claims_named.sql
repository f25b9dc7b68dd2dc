-- claims with names beside the ids, for spreadsheets: the document's symbol and the
-- citation, the mechanism's acronym and name, and the labels of the themes (same order).
with claims as (
    select * from claims
),

documents as (
    select * from documents
),

mechanisms as (
    select * from mechanisms
),

theme_labels as (
    select map_from_entries(list((theme_id, label))) as label_of from themes
),

final as (
    select
        claims.doc_id,
        documents.symbol,
        claims.para_no,
        documents.symbol || ', para. ' || claims.para_no as citation,
        claims.part,
        claims.sentence_no,
        claims.mechanism_id,
        mechanisms.acronym,
        mechanisms.name as mechanism_name,
        claims.role,
        is_counted(claims.role) as is_counted,
        claims.via,
        claims.surface,
        claims.char_start,
        claims.char_end,
        claims.sentence,
        claims.themes,
        list_transform(claims.themes, t -> theme_labels.label_of[t]) as theme_labels,
        claims.theme_sources
    from claims
    cross join theme_labels
    left join documents on documents.doc_id = claims.doc_id
    left join mechanisms on mechanisms.mechanism_id = claims.mechanism_id
)

select * from final
