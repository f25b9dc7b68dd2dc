-- 3P Anti-trafficking Policy Index: typed scores, the file's tier (1, 2, 2.5, 3) as a label,
-- codes matched to countries. A missing code (NA) is recovered through the COW code
-- (stg_cow_iso); a code that is given but not in countries is not overridden. Rows that
-- stay unmatched are listed in indicator_code_mismatches.
with raw_policy_index as (
    select * from raw_policy_index
),

countries as (
    select * from countries
),

cow_iso as (
    select * from stg_cow_iso
),

typed as (
    select
        source_line,
        trim(countryname) as countryname,
        cast(trim(year) as INTEGER) as year,
        cast(trim(cow) as INTEGER) as cow,
        upper(trim(iso)) as iso_given,
        cast(trim(tier) as DECIMAL(3, 1)) as tier_code,
        tier as tier_raw,
        cast(trim(p) as INTEGER) as p,
        cast(trim(prosecution) as INTEGER) as prosecution,
        cast(trim(prevention) as INTEGER) as prevention,
        cast(trim(protection) as INTEGER) as protection
    from raw_policy_index
),

labelled as (
    select
        *,
        case
            when tier_code is null then null
            when tier_code = 1 then 'Tier 1'
            when tier_code = 2 then 'Tier 2'
            when tier_code = 2.5 then 'Tier 2 Watch List'
            when tier_code = 3 then 'Tier 3'
            else error('stg_policy_index: unknown tier code "' || tier_raw || '" at line ' || source_line
                || ' of policy_index.csv; map it in pipelines/sql/staging/stg_policy_index.sql')
        end as tier
    from typed
),

matched as (
    select
        labelled.*,
        coalesce(countries.iso3, cow_iso.iso3) as iso3,
        case
            when countries.iso3 is not null then 'file'
            when cow_iso.iso3 is not null then 'cow'
        end as iso_source
    from labelled
    left join countries on countries.iso3 = labelled.iso_given
    left join cow_iso on labelled.iso_given is null and cow_iso.cow = labelled.cow
),

final as (
    select
        iso3,
        year,
        p,
        prosecution,
        prevention,
        protection,
        tier,
        countryname,
        cow,
        iso_source,
        source_line
    from matched
    where iso3 is not null
)

select * from final
