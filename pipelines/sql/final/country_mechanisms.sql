-- Which mechanisms each country belonged to in 2010 (mechanism_members), with the country's
-- name and UN M49 region and the mechanism's report region. A member code missing from
-- countries leaves country_name null, which the not-null check reports.
with mechanism_members as (
    select * from mechanism_members
),

mechanisms as (
    select * from mechanisms
),

countries as (
    select * from countries
),

final as (
    select
        mechanism_members.iso3,
        countries.name as country_name,
        countries.m49_region,
        countries.m49_subregion,
        mechanism_members.mechanism_id,
        mechanisms.acronym,
        mechanisms.region as mechanism_region,
        mechanism_members.source,
        mechanism_members.paragraphs,
        cite(registry_cites(mechanism_members.paragraphs)) as cited
    from mechanism_members
    left join countries on countries.iso3 = mechanism_members.iso3
    left join mechanisms on mechanisms.mechanism_id = mechanism_members.mechanism_id
)

select * from final
