-- Per mechanism: which of the report's elements of redress it is described addressing
-- (Redress section, paras 85–90, and recommendations 135–137: legal remedies, information on
-- proceedings, legal aid, compensation, assets confiscated for compensation). The cues are the
-- redress family of data/registry/cues.yaml, matched in actor claims only (match-cues); the same
-- cues make the redress theme, so this table and the coverage matrices agree.
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
        coalesce(max(case when measure = 'legal_remedies' then cues.paragraphs end), []::INTEGER[]) as legal_remedies_paragraphs,
        coalesce(max(case when measure = 'information' then cues.paragraphs end), []::INTEGER[]) as information_paragraphs,
        coalesce(max(case when measure = 'legal_aid' then cues.paragraphs end), []::INTEGER[]) as legal_aid_paragraphs,
        coalesce(max(case when measure = 'compensation' then cues.paragraphs end), []::INTEGER[]) as compensation_paragraphs,
        coalesce(max(case when measure = 'asset_confiscation' then cues.paragraphs end), []::INTEGER[]) as asset_confiscation_paragraphs
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
        len(legal_remedies_paragraphs) > 0 as legal_remedies, legal_remedies_paragraphs,
        len(information_paragraphs) > 0 as information, information_paragraphs,
        len(legal_aid_paragraphs) > 0 as legal_aid, legal_aid_paragraphs,
        len(compensation_paragraphs) > 0 as compensation, compensation_paragraphs,
        len(asset_confiscation_paragraphs) > 0 as asset_confiscation, asset_confiscation_paragraphs,
        ((len(legal_remedies_paragraphs) > 0)::INTEGER + (len(information_paragraphs) > 0)::INTEGER
            + (len(legal_aid_paragraphs) > 0)::INTEGER + (len(compensation_paragraphs) > 0)::INTEGER
            + (len(asset_confiscation_paragraphs) > 0)::INTEGER
        )::INTEGER as n_elements,
        list_sort(list_distinct(legal_remedies_paragraphs || information_paragraphs || legal_aid_paragraphs
            || compensation_paragraphs || asset_confiscation_paragraphs)) as paragraphs
    from mechanisms
    join by_measure on by_measure.mechanism_id = mechanisms.mechanism_id
),

with_flag as (
    select * exclude (n_elements, paragraphs), n_elements, n_elements > 0 as addresses_redress, paragraphs
    from final
)

select * from with_flag
