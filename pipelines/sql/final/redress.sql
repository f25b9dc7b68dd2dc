-- Per mechanism: which of the report's elements of redress it is described addressing
-- (Redress section, paras 85–90, and recommendations 135–137: legal remedies, information on
-- proceedings, legal aid, compensation, assets confiscated for compensation). The cues are the
-- redress family of data/registry/cues.yaml, matched in actor claims only (match-cues); the same
-- cues make the redress theme, so this table and the coverage matrices agree. Each list of
-- paragraphs has its citation beside it, naming each paragraph's document.
with mechanisms as (
    select * from mechanisms
),

cues as (
    select * from int_passage_cues
    where family = 'redress'
),

by_measure as (
    select
        mechanisms.mechanism_id,
        coalesce(max(case when measure = 'legal_remedies' then cues.sources end), no_cites()) as legal_remedies_sources,
        coalesce(max(case when measure = 'information' then cues.sources end), no_cites()) as information_sources,
        coalesce(max(case when measure = 'legal_aid' then cues.sources end), no_cites()) as legal_aid_sources,
        coalesce(max(case when measure = 'compensation' then cues.sources end), no_cites()) as compensation_sources,
        coalesce(max(case when measure = 'asset_confiscation' then cues.sources end), no_cites()) as asset_confiscation_sources
    from mechanisms
    left join cues on cues.mechanism_id = mechanisms.mechanism_id
    group by mechanisms.mechanism_id
),

final as (
    select
        mechanisms.mechanism_id,
        mechanisms.acronym,
        mechanisms.region,
        mechanisms.response_status,
        len(legal_remedies_sources) > 0 as legal_remedies,
        para_nos(legal_remedies_sources) as legal_remedies_paragraphs,
        cite(legal_remedies_sources) as legal_remedies_cited,
        len(information_sources) > 0 as information,
        para_nos(information_sources) as information_paragraphs,
        cite(information_sources) as information_cited,
        len(legal_aid_sources) > 0 as legal_aid,
        para_nos(legal_aid_sources) as legal_aid_paragraphs,
        cite(legal_aid_sources) as legal_aid_cited,
        len(compensation_sources) > 0 as compensation,
        para_nos(compensation_sources) as compensation_paragraphs,
        cite(compensation_sources) as compensation_cited,
        len(asset_confiscation_sources) > 0 as asset_confiscation,
        para_nos(asset_confiscation_sources) as asset_confiscation_paragraphs,
        cite(asset_confiscation_sources) as asset_confiscation_cited,
        ((len(legal_remedies_sources) > 0)::INTEGER + (len(information_sources) > 0)::INTEGER
            + (len(legal_aid_sources) > 0)::INTEGER + (len(compensation_sources) > 0)::INTEGER
            + (len(asset_confiscation_sources) > 0)::INTEGER
        )::INTEGER as n_elements,
        cites_sorted(legal_remedies_sources || information_sources || legal_aid_sources
            || compensation_sources || asset_confiscation_sources) as sources
    from mechanisms
    join by_measure on by_measure.mechanism_id = mechanisms.mechanism_id
),

with_flag as (
    select
        * exclude (n_elements, sources),
        n_elements,
        n_elements > 0 as addresses_redress,
        para_nos(sources) as paragraphs,
        sources,
        cite(sources) as cited
    from final
)

select * from with_flag
