-- Distribution of the members' 3P scores and TIP tiers per mechanism and per report region,
-- for the indicator year and for the window of years (params). For the year the unit is the
-- country; for the window, the country-year (pooled). Quartiles interpolate linearly
-- (quantile_cont). Every mechanism and region gets a row, also with no members or no data.
with mechanism_members as (
    select * from mechanism_members
),

mechanisms as (
    select * from mechanisms
),

indicators as (
    select * from int_country_year_indicators
),

params as (
    select
        coalesce(getvariable('indicator_year')::INTEGER,
            error('variable indicator_year is not set: bind pipelines/core/params.ts with setVariables')) as indicator_year,
        coalesce(getvariable('indicator_year_from')::INTEGER,
            error('variable indicator_year_from is not set: bind pipelines/core/params.ts with setVariables')) as indicator_year_from,
        coalesce(getvariable('indicator_year_to')::INTEGER,
            error('variable indicator_year_to is not set: bind pipelines/core/params.ts with setVariables')) as indicator_year_to
),

periods as (
    select 'year' as period, indicator_year as year_from, indicator_year as year_to
    from params

    union all

    select 'window' as period, indicator_year_from as year_from, indicator_year_to as year_to
    from params
),

subjects as (
    select 'mechanism' as level, mechanism_id as subject, acronym as label, region
    from mechanisms

    union all

    select distinct 'region' as level, region as subject, region as label, region
    from mechanisms
),

memberships as (
    select 'mechanism' as level, mechanism_id as subject, iso3
    from mechanism_members

    union

    select 'region' as level, mechanisms.region as subject, mechanism_members.iso3
    from mechanism_members
    join mechanisms on mechanisms.mechanism_id = mechanism_members.mechanism_id
),

member_counts as (
    select level, subject, count(distinct iso3) as n_members
    from memberships
    group by level, subject
),

observations as (
    select
        memberships.level,
        memberships.subject,
        periods.period,
        indicators.*
    from memberships
    cross join periods
    join indicators
        on indicators.iso3 = memberships.iso3
       and indicators.year between periods.year_from and periods.year_to
),

stats as (
    select
        level,
        subject,
        period,
        count(distinct iso3) filter (where tier is not null or p is not null or prosecution is not null
            or prevention is not null or protection is not null) as n_with_data,
        count(p) as p_n,
        quantile_cont(p::DOUBLE, 0.5) as p_median,
        quantile_cont(p::DOUBLE, 0.25) as p_q1,
        quantile_cont(p::DOUBLE, 0.75) as p_q3,
        count(prosecution) as prosecution_n,
        quantile_cont(prosecution::DOUBLE, 0.5) as prosecution_median,
        quantile_cont(prosecution::DOUBLE, 0.25) as prosecution_q1,
        quantile_cont(prosecution::DOUBLE, 0.75) as prosecution_q3,
        count(prevention) as prevention_n,
        quantile_cont(prevention::DOUBLE, 0.5) as prevention_median,
        quantile_cont(prevention::DOUBLE, 0.25) as prevention_q1,
        quantile_cont(prevention::DOUBLE, 0.75) as prevention_q3,
        count(protection) as protection_n,
        quantile_cont(protection::DOUBLE, 0.5) as protection_median,
        quantile_cont(protection::DOUBLE, 0.25) as protection_q1,
        quantile_cont(protection::DOUBLE, 0.75) as protection_q3,
        count(*) filter (where tier = 'Tier 1') as n_tier_1,
        count(*) filter (where tier = 'Tier 2') as n_tier_2,
        count(*) filter (where tier = 'Tier 2 Watch List') as n_tier_2_watch_list,
        count(*) filter (where tier = 'Tier 3') as n_tier_3,
        count(*) filter (where tier = 'Special case') as n_special_case
    from observations
    group by level, subject, period
),

final as (
    select
        subjects.level,
        subjects.subject,
        subjects.label,
        subjects.region,
        periods.period,
        periods.year_from,
        periods.year_to,
        coalesce(member_counts.n_members, 0)::INTEGER as n_members,
        coalesce(stats.n_with_data, 0)::INTEGER as n_with_data,
        coalesce(stats.p_n, 0)::INTEGER as p_n,
        stats.p_median,
        stats.p_q1,
        stats.p_q3,
        coalesce(stats.prosecution_n, 0)::INTEGER as prosecution_n,
        stats.prosecution_median,
        stats.prosecution_q1,
        stats.prosecution_q3,
        coalesce(stats.prevention_n, 0)::INTEGER as prevention_n,
        stats.prevention_median,
        stats.prevention_q1,
        stats.prevention_q3,
        coalesce(stats.protection_n, 0)::INTEGER as protection_n,
        stats.protection_median,
        stats.protection_q1,
        stats.protection_q3,
        coalesce(stats.n_tier_1, 0)::INTEGER as n_tier_1,
        coalesce(stats.n_tier_2, 0)::INTEGER as n_tier_2,
        coalesce(stats.n_tier_2_watch_list, 0)::INTEGER as n_tier_2_watch_list,
        coalesce(stats.n_tier_3, 0)::INTEGER as n_tier_3,
        coalesce(stats.n_special_case, 0)::INTEGER as n_special_case,
        (coalesce(member_counts.n_members, 0) * (periods.year_to - periods.year_from + 1)
            - coalesce(stats.n_tier_1 + stats.n_tier_2 + stats.n_tier_2_watch_list
                       + stats.n_tier_3 + stats.n_special_case, 0))::INTEGER as n_tier_missing
    from subjects
    cross join periods
    left join member_counts
        on member_counts.level = subjects.level
       and member_counts.subject = subjects.subject
    left join stats
        on stats.level = subjects.level
       and stats.subject = subjects.subject
       and stats.period = periods.period
)

select * from final
