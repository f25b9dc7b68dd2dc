-- Per mechanism: which redress elements its evidence passages address.
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
        coalesce(max(case when measure = 'compensation' then cues.paragraphs end), []::INTEGER[]) as compensation_paragraphs,
        coalesce(max(case when measure = 'asset_confiscation' then cues.paragraphs end), []::INTEGER[]) as asset_confiscation_paragraphs,
        coalesce(max(case when measure = 'free_legal_aid' then cues.paragraphs end), []::INTEGER[]) as free_legal_aid_paragraphs,
        coalesce(max(case when measure = 'witness_protection' then cues.paragraphs end), []::INTEGER[]) as witness_protection_paragraphs,
        coalesce(max(case when measure = 'compensation_fund' then cues.paragraphs end), []::INTEGER[]) as compensation_fund_paragraphs
    from mechanisms
    left join cues on cues.mechanism_id = mechanisms.mechanism_id
    group by mechanisms.mechanism_id
),

final as (
    select
        mechanisms.mechanism_id,
        mechanisms.acronym,
        mechanisms.region,
        len(legal_remedies_paragraphs) > 0 as legal_remedies, legal_remedies_paragraphs,
        len(compensation_paragraphs) > 0 as compensation, compensation_paragraphs,
        len(asset_confiscation_paragraphs) > 0 as asset_confiscation, asset_confiscation_paragraphs,
        len(free_legal_aid_paragraphs) > 0 as free_legal_aid, free_legal_aid_paragraphs,
        len(witness_protection_paragraphs) > 0 as witness_protection, witness_protection_paragraphs,
        len(compensation_fund_paragraphs) > 0 as compensation_fund, compensation_fund_paragraphs,
        ((len(legal_remedies_paragraphs) > 0)::INTEGER + (len(compensation_paragraphs) > 0)::INTEGER
            + (len(asset_confiscation_paragraphs) > 0)::INTEGER + (len(free_legal_aid_paragraphs) > 0)::INTEGER
            + (len(witness_protection_paragraphs) > 0)::INTEGER + (len(compensation_fund_paragraphs) > 0)::INTEGER
        )::INTEGER as n_elements,
        list_sort(list_distinct(legal_remedies_paragraphs || compensation_paragraphs || asset_confiscation_paragraphs
            || free_legal_aid_paragraphs || witness_protection_paragraphs || compensation_fund_paragraphs)) as paragraphs
    from mechanisms
    join by_measure on by_measure.mechanism_id = mechanisms.mechanism_id
),

with_flag as (
    select * exclude (n_elements, paragraphs), n_elements, n_elements > 0 as addresses_redress, paragraphs
    from final
)

select * from with_flag
