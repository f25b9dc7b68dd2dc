-- evidence with names beside the ids, for spreadsheets: the document's symbol and the
-- citation, the mechanism's acronym and name, the theme's label and pillar.
with evidence as (
    select * from evidence
),

documents as (
    select * from documents
),

mechanisms as (
    select * from mechanisms
),

themes as (
    select * from themes
),

final as (
    select
        evidence.doc_id,
        documents.symbol,
        evidence.mechanism_id,
        mechanisms.acronym,
        mechanisms.name as mechanism_name,
        mechanisms.region as mechanism_region,
        evidence.theme_id,
        themes.label as theme_label,
        themes.pillar,
        evidence.para_no,
        documents.symbol || ', para. ' || evidence.para_no as citation,
        evidence.role,
        is_counted(evidence.role) as is_counted,
        evidence.part,
        evidence.theme_source,
        evidence.sentence,
        evidence.quote
    from evidence
    left join documents on documents.doc_id = evidence.doc_id
    left join mechanisms on mechanisms.mechanism_id = evidence.mechanism_id
    left join themes on themes.theme_id = evidence.theme_id
)

select * from final
