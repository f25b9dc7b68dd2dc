-- Tier and 3P scores side by side for every country-year found in either staged dataset.
with tiers as (
    select * from stg_tip_tiers
),

scores as (
    select * from stg_policy_index
),

joined as (
    select
        coalesce(tiers.iso3, scores.iso3) as iso3,
        coalesce(tiers.year, scores.year) as year,
        tiers.tier,
        scores.p,
        scores.prosecution,
        scores.prevention,
        scores.protection
    from tiers
    full outer join scores
        on scores.iso3 = tiers.iso3
       and scores.year = tiers.year
),

final as (
    select
        *,
        tier is not null as has_tier,
        (p is not null and prosecution is not null and prevention is not null and protection is not null) as has_3p
    from joined
)

select * from final
