-- Country codes in the indicator files that are missing (NA) or not in countries, one row per
-- file x code as printed x country name, with what staging did: recovered through the COW code
-- (policy_index.csv rows whose iso is NA, as in stg_policy_index) or not staged.
with raw_tip_tiers as (
    select * from raw_tip_tiers
),

raw_policy_index as (
    select * from raw_policy_index
),

countries as (
    select * from countries
),

cow_iso as (
    select * from stg_cow_iso
),

tip_rows as (
    select
        'tip_tiers_orig.csv' as dataset,
        source_line,
        iso,
        trim(countryname) as countryname,
        cast(trim(ccode) as INTEGER) as cow,
        tier is not null as has_values,
        null::VARCHAR as resolved_iso3
    from raw_tip_tiers
),

policy_rows as (
    select
        'policy_index.csv' as dataset,
        raw_policy_index.source_line,
        raw_policy_index.iso,
        trim(raw_policy_index.countryname) as countryname,
        cast(trim(raw_policy_index.cow) as INTEGER) as cow,
        (raw_policy_index.tier is not null or raw_policy_index.p is not null
            or raw_policy_index.prosecution is not null or raw_policy_index.prevention is not null
            or raw_policy_index.protection is not null) as has_values,
        case when raw_policy_index.iso is null then cow_iso.iso3 end as resolved_iso3
    from raw_policy_index
    left join cow_iso on cow_iso.cow = cast(trim(raw_policy_index.cow) as INTEGER)
),

unmatched as (
    select all_rows.*
    from (
        select * from tip_rows
        union all
        select * from policy_rows
    ) as all_rows
    left join countries on countries.iso3 = upper(trim(all_rows.iso))
    where countries.iso3 is null
),

grouped as (
    select
        dataset,
        coalesce(iso, 'NA') as iso,
        countryname,
        count(*) as n_rows,
        count(*) filter (where has_values) as n_rows_with_values,
        min(source_line) as first_line,
        bool_or(iso is null) as code_missing,
        case when count(distinct cow) = 1 and count(cow) = count(*) then min(cow) end as cow,
        count(resolved_iso3) as n_resolved,
        case when count(distinct resolved_iso3) = 1 then min(resolved_iso3) end as resolved_iso3
    from unmatched
    group by dataset, coalesce(iso, 'NA'), countryname
),

final as (
    select
        dataset,
        iso,
        countryname,
        n_rows::INTEGER as n_rows,
        n_rows_with_values::INTEGER as n_rows_with_values,
        first_line,
        case when code_missing then 'code missing' else 'code not in countries' end as problem,
        cow,
        resolved_iso3,
        case
            when n_resolved = n_rows then 'resolved through COW code'
            when n_resolved = 0 then 'not staged'
            else 'partly resolved'
        end as resolution
    from grouped
)

select * from final
