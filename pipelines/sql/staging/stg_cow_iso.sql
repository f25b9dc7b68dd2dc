-- Correlates of War code -> ISO alpha-3, as tip_tiers_orig.csv pairs them (ccode, iso).
-- Kept only where the COW code carries exactly one ISO code and that code is in countries;
-- stg_policy_index uses it to recover the ISO code of rows whose iso is NA.
with raw_tip_tiers as (
    select * from raw_tip_tiers
),

countries as (
    select * from countries
),

pairs as (
    select
        cast(trim(ccode) as INTEGER) as cow,
        upper(trim(iso)) as iso3,
        count(*) as n_rows
    from raw_tip_tiers
    where ccode is not null
      and iso is not null
    group by all
),

unambiguous as (
    select cow
    from pairs
    group by cow
    having count(*) = 1
),

final as (
    select
        pairs.cow,
        pairs.iso3,
        pairs.n_rows::INTEGER as n_rows
    from pairs
    join unambiguous on unambiguous.cow = pairs.cow
    join countries on countries.iso3 = pairs.iso3
)

select * from final
