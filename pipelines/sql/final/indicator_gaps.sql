-- Members without a TIP tier or without a complete set of 3P scores for the indicator year,
-- one row per mechanism x member, naming what is missing and whether the country appears in
-- each dataset at all (absent from the file, or present with NA for that year).
with mechanism_members as (
    select * from mechanism_members
),

mechanisms as (
    select * from mechanisms
),

countries as (
    select * from countries
),

tip_countries as (
    select distinct iso3 from stg_tip_tiers
),

policy_countries as (
    select distinct iso3 from stg_policy_index
),

params as (
    select
        coalesce(getvariable('indicator_year')::INTEGER,
            error('variable indicator_year is not set: bind pipelines/core/params.ts with setVariables')) as indicator_year
),

indicators as (
    select int_country_year_indicators.*
    from int_country_year_indicators
    join params on int_country_year_indicators.year = params.indicator_year
),

member_values as (
    select
        mechanism_members.mechanism_id,
        mechanism_members.iso3,
        params.indicator_year as year,
        indicators.tier,
        indicators.p,
        indicators.prosecution,
        indicators.prevention,
        indicators.protection
    from mechanism_members
    cross join params
    left join indicators on indicators.iso3 = mechanism_members.iso3
),

missing as (
    select
        *,
        list_filter([
            case when tier is null then 'tier' end,
            case when p is null then 'p' end,
            case when prosecution is null then 'prosecution' end,
            case when prevention is null then 'prevention' end,
            case when protection is null then 'protection' end
        ], lambda x: x is not null) as missing_columns,
        tier is null as missing_tier,
        (p is null or prosecution is null or prevention is null or protection is null) as missing_3p
    from member_values
),

final as (
    select
        missing.mechanism_id,
        mechanisms.acronym,
        mechanisms.region as mechanism_region,
        missing.iso3,
        countries.name as country_name,
        countries.m49_region,
        missing.year,
        case
            when missing_tier and missing_3p then 'tier and 3p'
            when missing_tier then 'tier'
            else '3p'
        end as missing,
        missing.missing_columns,
        tip_countries.iso3 is not null as in_tier_dataset,
        policy_countries.iso3 is not null as in_3p_dataset
    from missing
    left join mechanisms on mechanisms.mechanism_id = missing.mechanism_id
    left join countries on countries.iso3 = missing.iso3
    left join tip_countries on tip_countries.iso3 = missing.iso3
    left join policy_countries on policy_countries.iso3 = missing.iso3
    where missing_tier or missing_3p
)

select * from final
