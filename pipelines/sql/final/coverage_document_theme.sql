-- Actor evidence rolled up to document × mechanism × theme: the distinct paragraphs of each
-- document behind each pair (the per-document counterpart of int_mechanism_theme, with the
-- same rule: only claims in which the report describes the mechanism doing the activity count,
-- not a yardstick, a lack, a participation in another body's act or a mention in passing).
-- One document a row, so the citation is that document's part (cite_paras, as cite() writes
-- it), without a cite() subquery for each of the many rows.
with evidence as (
    select * from evidence
    where is_counted(role)
),

documents as (
    select * from documents
),

final as (
    select
        evidence.doc_id,
        evidence.mechanism_id,
        evidence.theme_id,
        count(distinct evidence.para_no)::INTEGER as n_paragraphs,
        list(distinct evidence.para_no order by evidence.para_no) as paragraphs,
        case when count(evidence.para_no) > 0 then cite_paras(
            coalesce(any_value(documents.symbol), evidence.doc_id),
            list(distinct evidence.para_no order by evidence.para_no)) end as cited
    from evidence
    left join documents on documents.doc_id = evidence.doc_id
    group by evidence.doc_id, evidence.mechanism_id, evidence.theme_id
)

select * from final
