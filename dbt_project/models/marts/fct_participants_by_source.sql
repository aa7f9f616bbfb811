{#- Participants per insats and year, and per förbund and year, from each source beside the
    other: the person-level registers and the national count-only form (Uppföljning Finsam).
    The one rule for which source counts: the registers where they hold anyone for the unit
    and year, otherwise the count form. The two are never added for the same unit and year. -#}

with

insats_year as (

    select * from {{ ref('fct_insats_year') }}

),

forbund_year as (

    select * from {{ ref('fct_forbund_year') }}

),

count_form as (

    select * from {{ ref('fct_count_form_insats_year') }}

),

insatser as (

    select * from {{ ref('dim_insats') }}

),

forbund as (

    select * from {{ ref('dim_forbund') }}

),

registers as (

    select
        'insats' as level,
        insats_key as unit_key,
        year,
        participants_active as participants,
        participants_active_women as participants_women,
        participants_active_men as participants_men,
        ended_work_or_studies
    from insats_year
    where participants_active > 0

    union all

    select
        'forbund' as level,
        forbund_org_nr as unit_key,
        year,
        participants_active as participants,
        participants_active_women as participants_women,
        participants_active_men as participants_men,
        ended_work_or_studies
    from forbund_year
    where participants_active > 0

),

forms as (

    select
        'insats' as level,
        insats_key as unit_key,
        year,
        participants_total as participants,
        participants_women,
        participants_men
    from count_form

    union all

    {#- a förbund's count-form total adds its insatser: a person in two insatser counts twice #}
    select
        'forbund' as level,
        forbund_org_nr as unit_key,
        year,
        cast(sum(participants_total) as {{ dbt.type_bigint() }}) as participants,
        cast(sum(participants_women) as {{ dbt.type_bigint() }}) as participants_women,
        cast(sum(participants_men) as {{ dbt.type_bigint() }}) as participants_men
    from count_form
    group by forbund_org_nr, year

),

units as (

    select level, unit_key, year from registers
    union
    select level, unit_key, year from forms

),

final as (

    select
        -- ids
        units.level,
        units.unit_key,
        coalesce(insatser.forbund_org_nr, forbund.forbund_org_nr) as forbund_org_nr,
        coalesce(insatser.forbund_name, forbund.forbund_name) as forbund_name,
        insatser.insats_key,
        insatser.insats_name,
        units.year,

        -- the source that counts, and its counts
        case
            when registers.unit_key is not null then 'person_register'
            else 'count_form'
        end as source,
        coalesce(registers.participants, forms.participants) as participants,
        coalesce(registers.participants_women, forms.participants_women) as participants_women,
        coalesce(registers.participants_men, forms.participants_men) as participants_men,
        -- outcomes are known from the person registers only
        registers.ended_work_or_studies,

        -- each source beside the other
        registers.participants as register_participants,
        forms.participants as count_form_participants,
        forms.participants_women as count_form_participants_women,
        forms.participants_men as count_form_participants_men

    from units
    left join registers
        on units.level = registers.level
        and units.unit_key = registers.unit_key
        and units.year = registers.year
    left join forms
        on units.level = forms.level
        and units.unit_key = forms.unit_key
        and units.year = forms.year
    left join insatser
        on units.level = 'insats'
        and units.unit_key = insatser.insats_key
    left join forbund
        on units.level = 'forbund'
        and units.unit_key = forbund.forbund_org_nr

)

select * from final
