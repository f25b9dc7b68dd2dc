-- One row per recommendation × ask: the mechanisms the report describes doing what the ask
-- asks (actor claims matching the ask's cues, stage match-asks), with their paragraphs, each
-- with its document. An ask that no mechanism is described doing shows zero. Recommendation
-- (g) has the id 'g'.
with asks as (
    select * from recommendation_asks
),

matched as (
    select * from ask_claims
),

acting as (
    select
        ask_id,
        list(distinct mechanism_id order by mechanism_id) as mechanisms,
        cites_sorted(list({'doc_id': doc_id, 'para_no': para_no})) as sources
    from matched
    group by ask_id
),

final as (
    select
        asks.recommendation_id,
        asks.ask_id,
        asks.sort_order,
        asks.cluster,
        asks.cluster_text,
        asks.recommendation_text,
        asks.ask_text,
        asks.addressee,
        coalesce(len(acting.mechanisms), 0)::INTEGER as n_mechanisms,
        coalesce(acting.mechanisms, []::VARCHAR[]) as mechanisms,
        para_nos(coalesce(acting.sources, no_cites())) as evidence_paragraphs,
        coalesce(acting.sources, no_cites()) as sources,
        cite(acting.sources) as evidence_cited
    from asks
    left join acting on acting.ask_id = asks.ask_id
)

select * from final
