-- TIP Report tiers: typed, labels cleaned to the closed vocabulary of the catalog (TIERS),
-- codes matched to countries. Unmatched codes are listed in indicator_code_mismatches.
-- An unknown label stops the build rather than becoming null.
with raw_tip_tiers as (
    select * from raw_tip_tiers
),

countries as (
    select * from countries
),

typed as (
    select
        source_line,
        upper(trim(iso)) as iso3,
        cast(trim(year) as INTEGER) as year,
        tier as tier_raw,
        -- 'Tier 1    ' -> 'tier 1'; 'Watchlist    ' -> 'watchlist'
        nullif(regexp_replace(lower(trim(tier)), '\s+', ' ', 'g'), '') as tier_key,
        trim(countryname) as countryname,
        cast(trim(ccode) as INTEGER) as ccode
    from raw_tip_tiers
),

labelled as (
    select
        *,
        case
            when tier_key is null then null
            when tier_key in ('tier 1', '1') then 'Tier 1'
            when tier_key in ('tier 2', '2') then 'Tier 2'
            when tier_key in ('watchlist', 'watch list', 'tier 2 watchlist', 'tier 2 watch list',
                              'tier 2 wl', 'tier 2wl', '2.5') then 'Tier 2 Watch List'
            when tier_key in ('tier 3', '3') then 'Tier 3'
            when tier_key in ('special case', 'special') then 'Special case'
            else error('stg_tip_tiers: unknown tier label "' || tier_raw || '" at line ' || source_line
                || ' of tip_tiers_orig.csv; map it in pipelines/sql/staging/stg_tip_tiers.sql')
        end as tier
    from typed
),

final as (
    select
        labelled.iso3,
        labelled.year,
        labelled.tier,
        labelled.tier_raw,
        labelled.countryname,
        labelled.ccode,
        labelled.source_line
    from labelled
    join countries on countries.iso3 = labelled.iso3
)

select * from final
