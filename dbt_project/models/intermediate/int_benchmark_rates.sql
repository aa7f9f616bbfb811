{#- Every benchmark rate (seeds/benchmark_rates.csv) per insats and year and per förbund and
    year, in long form: its numerator, denominator and value. The counts come from
    fct_insats_year and fct_forbund_year, the median months from the ended spells; a unit
    and year that only the national count form covers (fct_participants_by_source) has its
    participant rates from the form, and `source` says which. -#}

with

insats_year as (

    select * from {{ ref('fct_insats_year') }}

),

forbund_year as (

    select * from {{ ref('fct_forbund_year') }}

),

rates as (

    select * from {{ ref('benchmark_rates') }}

),

by_source as (

    select * from {{ ref('fct_participants_by_source') }}

),

form_only as (

    select * from by_source
    where source = 'count_form'

),

ended as (

    select * from {{ ref('int_participations_by_year') }}
    where is_ended = 1

),

units as (

    {#- a unit and year from the person registers unless only the count form covers it #}
    {%- for level, grain, unit_column in [('insats', 'insats_year', 'insats_key'),
                                          ('forbund', 'forbund_year', 'forbund_org_nr')] %}
    select
        '{{ level }}' as level,
        {{ unit_column }} as unit_key,
        forbund_org_nr,
        forbund_name,
        {%- if level == 'insats' %}
        insats_key,
        insats_name,
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as insats_key,
        cast(null as {{ dbt.type_string() }}) as insats_name,
        {%- endif %}
        year,
        'person_register' as source,
        participants_active as size_participants,
        avg_months_in_insats
    from {{ grain }}
    where not exists (
        select 1 from form_only
        where form_only.level = '{{ level }}'
            and form_only.unit_key = {{ grain }}.{{ unit_column }}
            and form_only.year = {{ grain }}.year
    )

    union all
    {%- endfor %}

    select
        level,
        unit_key,
        forbund_org_nr,
        forbund_name,
        insats_key,
        insats_name,
        year,
        source,
        participants as size_participants,
        cast(null as {{ dbt.type_numeric() }}) as avg_months_in_insats
    from form_only

),

counts as (

    select *, 'person_register' as source from (
        {{ long_counts(ref('fct_insats_year'), 'insats', 'insats_key') }}
        union all
        {{ long_counts(ref('fct_forbund_year'), 'forbund', 'forbund_org_nr') }}
    ) as register_counts

    union all

    {%- for measure, column in [('participants_active', 'participants'),
                                ('participants_active_women', 'participants_women'),
                                ('participants_active_men', 'participants_men')] %}
    select level, unit_key, year, '{{ measure }}' as measure, {{ column }} as amount,
           source
    from form_only
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

median_months as (

    {%- for level, unit_column in [('insats', 'insats_key'), ('forbund', 'forbund_org_nr')] %}
    select
        '{{ level }}' as level,
        {{ unit_column }} as unit_key,
        year,
        {{ percentile('months_in_insats', 0.5) }} as median_months
    from ended
    group by {{ unit_column }}, year
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

final as (

    select
        units.level,
        units.unit_key,
        units.forbund_org_nr,
        units.forbund_name,
        units.insats_key,
        units.insats_name,
        units.year,
        units.source,
        units.size_participants,
        rates.rate,
        rates.label as rate_label,
        rates.kind as rate_kind,
        cast(numerators.amount as {{ dbt.type_bigint() }}) as numerator,
        cast(denominators.amount as {{ dbt.type_bigint() }}) as denominator,
        case rates.kind
            when 'share'
                then round(100.0 * numerators.amount / nullif(denominators.amount, 0), 1)
            when 'average_months' then units.avg_months_in_insats
            when 'median_months' then round(median_months.median_months, 1)
        end as value
    from units
    cross join rates
    inner join counts as denominators
        on units.level = denominators.level
        and units.unit_key = denominators.unit_key
        and units.year = denominators.year
        and units.source = denominators.source
        and rates.denominator = denominators.measure
    left join counts as numerators
        on units.level = numerators.level
        and units.unit_key = numerators.unit_key
        and units.year = numerators.year
        and units.source = numerators.source
        and rates.numerator = numerators.measure
    left join median_months
        on units.level = median_months.level
        and units.unit_key = median_months.unit_key
        and units.year = median_months.year

)

select * from final
