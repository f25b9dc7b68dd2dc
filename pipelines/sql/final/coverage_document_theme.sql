-- Evidence rolled up to document × mechanism × theme: the distinct paragraphs of each
-- document behind each pair (the per-document counterpart of int_mechanism_theme).
-- Recommendations are the Special Rapporteur's asks, not evidence of what mechanisms do.
with evidence as (
    select * from evidence
    where part in ('description', 'achievement', 'challenge')
),

final as (
    select
        doc_id,
        mechanism_id,
        theme_id,
        count(distinct para_no)::INTEGER as n_paragraphs,
        list(distinct para_no order by para_no) as paragraphs,
        cite(cites_of(doc_id, list(distinct para_no))) as cited
    from evidence
    group by doc_id, mechanism_id, theme_id
)

select * from final
