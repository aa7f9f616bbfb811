{#- The `fraction` percentile of `column` in a group (linear between values, as
    percentile_cont in DuckDB and Postgres). -#}
{% macro percentile(column, fraction) -%}
    {{ return(adapter.dispatch('percentile')(column, fraction)) }}
{%- endmacro %}

{% macro default__percentile(column, fraction) -%}
    percentile_cont({{ fraction }}) within group (order by {{ column }})
{%- endmacro %}

{#- The count columns of `relation` (measure_count_columns()) as rows: level, unit_key,
    year, measure, amount. -#}
{% macro long_counts(relation, level, unit_column) %}
    {%- for column in measure_count_columns() %}
    select '{{ level }}' as level, {{ unit_column }} as unit_key, year,
           '{{ column }}' as measure, {{ column }} as amount
    from {{ relation }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{% endmacro %}

{#- National quartiles per year and rate over the rows of `source` where `eligible`. -#}
{% macro national_statistics(source, eligible) %}
    select
        year,
        rate,
        count(*) as national_units,
        {{ percentile('value', 0.25) }} as national_p25,
        {{ percentile('value', 0.5) }} as national_median,
        {{ percentile('value', 0.75) }} as national_p75
    from {{ source }}
    where {{ eligible }}
    group by year, rate
{% endmacro %}

{#- The median of each size band per year and rate over the rows where `eligible`. -#}
{% macro peer_statistics(source, eligible) %}
    select
        year,
        rate,
        size_band,
        count(*) as peer_units,
        {{ percentile('value', 0.5) }} as peer_median
    from {{ source }}
    where {{ eligible }}
    group by year, rate, size_band
{% endmacro %}

{#- Rank per year and rate among the rows where `eligible` (1 = highest; ties share). -#}
{% macro rank_statistics(source, eligible) %}
    select
        unit_key,
        year,
        rate,
        rank() over (partition by year, rate order by value desc) as rank_in_year,
        count(*) over (partition by year, rate, value) - 1 as tied_with
    from {{ source }}
    where {{ eligible }}
{% endmacro %}

{#- 'plats 3 av 12' or 'delad plats 3 med 1 till av 12'. -#}
{% macro rank_note(rank, tied, units) -%}
    case
        when {{ rank }} is null then null
        when {{ tied }} > 0
            then {{ dbt.concat(["'delad plats '", "cast(" ~ rank ~ " as " ~ dbt.type_string() ~ ")",
                                "' med '", "cast(" ~ tied ~ " as " ~ dbt.type_string() ~ ")",
                                "' till av '",
                                "cast(" ~ units ~ " as " ~ dbt.type_string() ~ ")"]) }}
        else {{ dbt.concat(["'plats '", "cast(" ~ rank ~ " as " ~ dbt.type_string() ~ ")",
                            "' av '", "cast(" ~ units ~ " as " ~ dbt.type_string() ~ ")"]) }}
    end
{%- endmacro %}

{#- The national, peer and rank CTEs over the rows of `source` where `eligible`. -#}
{% macro statistics_ctes(source, eligible) %}
national as (

    {{ national_statistics(source, eligible) }}

),

peers as (

    {{ peer_statistics(source, eligible) }}

),

ranks as (

    {{ rank_statistics(source, eligible) }}

),
{% endmacro %}

{#- The national figures and rank beside `value` (a column of `source`, or an expression). -#}
{% macro national_columns(value) %}
        national.national_units,
        round(national.national_p25, 1) as national_p25,
        round(national.national_median, 1) as national_median,
        round(national.national_p75, 1) as national_p75,
        round({{ value }} - national.national_median, 1) as difference_from_median,
        ranks.rank_in_year,
        ranks.tied_with,
        {{ rank_note('ranks.rank_in_year', 'ranks.tied_with', 'national.national_units') }}
            as rank_note,
{%- endmacro %}

{% macro peer_columns() %}
        peers.peer_units,
        round(peers.peer_median, 1) as peer_median,
{%- endmacro %}

{#- The joins of statistics_ctes() to the rows of `source` (with unit_key, year, rate,
    size_band). -#}
{% macro statistics_joins(source) %}
    left join national
        on {{ source }}.year = national.year
        and {{ source }}.rate = national.rate
    left join peers
        on {{ source }}.year = peers.year
        and {{ source }}.rate = peers.rate
        and {{ source }}.size_band = peers.size_band
    left join ranks
        on {{ source }}.unit_key = ranks.unit_key
        and {{ source }}.year = ranks.year
        and {{ source }}.rate = ranks.rate
{%- endmacro %}

{#- One benchmark mart: the rates of int_benchmark_rates at `level` ('insats' or 'forbund')
    beside the national quartiles, the rank, the peer group by size and its median, and the
    trust signals of the report figures for the same unit and year. A rate is ranked, and
    counts in the national and peer figures, only when its denominator is at least
    var('benchmark_min_denominator'). Rank 1 is the highest value; tied values share a rank. -#}
{% macro benchmark_mart(level) %}
{%- set unit_column = 'insats_key' if level == 'insats' else 'forbund_org_nr' -%}

with

rates as (

    select * from {{ ref('int_benchmark_rates') }}
    where level = '{{ level }}'

),

bands as (

    select * from {{ ref('size_bands') }}
    where level = '{{ level }}'

),

reconciliation as (

    select * from {{ ref('fct_reconciliation') }}

),

consistency as (

    select * from {{ ref('int_report_consistency') }}

),

banded as (

    select
        rates.*,
        bands.size_band,
        rates.value is not null
            and rates.denominator >= {{ var('benchmark_min_denominator') }} as is_ranked
    from rates
    left join bands
        on rates.size_participants between bands.min_participants and bands.max_participants

),

{{ statistics_ctes('banded', 'is_ranked') }}

figures as (

    select
        {{ unit_column }} as unit_key,
        cast(extract(year from period_end) as {{ dbt.type_int() }}) as year,
        {{ sum_where('1', "classification in ('match', 'within_tolerance', "
                          "'match_with_anonymous')") }} as report_figures_reconciled,
        {{ sum_where('1', "classification = 'mismatch'") }} as report_figures_mismatched
    from reconciliation
    where {{ unit_column }} is not null
    group by 1, 2

),

flags as (

    select
        {{ unit_column }} as unit_key,
        cast(extract(year from period_end) as {{ dbt.type_int() }}) as year,
        {{ sum_where('1', 'not passed') }} as open_report_flags
    from consistency
    where {{ unit_column }} is not null
    group by 1, 2

),

final as (

    select
        -- ids
        banded.forbund_org_nr,
        banded.forbund_name,
        {% if level == 'insats' -%}
        banded.insats_key,
        banded.insats_name,
        {% endif -%}
        banded.year,
        banded.rate,
        banded.rate_label,
        banded.rate_kind,
        banded.source,

        -- the rate
        banded.numerator,
        banded.denominator,
        banded.value,
        banded.is_ranked,

        -- the national picture for the same year and rate
        {{- national_columns('banded.value') }}

        -- peers of the same size
        banded.size_participants,
        banded.size_band,
        {{- peer_columns() }}

        -- trust signals
        coalesce(figures.report_figures_reconciled, 0) as report_figures_reconciled,
        coalesce(figures.report_figures_mismatched, 0) as report_figures_mismatched,
        coalesce(flags.open_report_flags, 0) as open_report_flags

    from banded
    {{- statistics_joins('banded') }}
    left join figures
        on banded.unit_key = figures.unit_key
        and banded.year = figures.year
    left join flags
        on banded.unit_key = flags.unit_key
        and banded.year = flags.year

)

select * from final
{% endmacro %}

{#- What is published of a benchmark mart. A rate is published only when it is ranked and
    both its numerator and its denominator are published in the same level's export
    (exp_insats_year, exp_forbund_year), so a rate never reveals a blanked count; the
    national quartiles, ranks and peer medians are computed over the published rates only,
    so no aggregate holds a value that is not itself published. -#}
{% macro published_benchmark(level) %}
{%- set unit_column = 'insats_key' if level == 'insats' else 'forbund_org_nr' -%}
{%- set counts = ref('exp_insats_year') if level == 'insats' else ref('exp_forbund_year') -%}

with

mart as (

    select * from {{ ref('mart_benchmark_' ~ level ~ '_year') }}

),

rates as (

    select * from {{ ref('benchmark_rates') }}

),

published_counts as (

    select *, 'person_register' as source from (
        {{ long_counts(counts, level, unit_column) }}
    ) as register_counts
    {%- if level == 'insats' %}

    union all

    {%- for measure, column in [('participants_active', 'participants_total'),
                                ('participants_active_women', 'participants_women'),
                                ('participants_active_men', 'participants_men')] %}
    select 'insats' as level, insats_key as unit_key, year, '{{ measure }}' as measure,
           {{ column }} as amount, 'count_form' as source
    from {{ ref('exp_count_form_insats_year') }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
    {%- endif %}

),

flagged as (

    select
        mart.*,
        mart.{{ unit_column }} as unit_key,
        numerators.amount as published_numerator,
        denominators.amount as published_denominator,
        mart.is_ranked
            and denominators.amount is not null
            and (rates.kind <> 'share' or numerators.amount is not null) as is_published
    from mart
    inner join rates
        on mart.rate = rates.rate
    left join published_counts as denominators
        on mart.{{ unit_column }} = denominators.unit_key
        and mart.year = denominators.year
        and mart.source = denominators.source
        and rates.denominator = denominators.measure
    left join published_counts as numerators
        on mart.{{ unit_column }} = numerators.unit_key
        and mart.year = numerators.year
        and mart.source = numerators.source
        and rates.numerator = numerators.measure

),

{{ statistics_ctes('flagged', 'is_published') }}

final as (

    select
        flagged.forbund_org_nr,
        flagged.forbund_name,
        {% if level == 'insats' -%}
        flagged.insats_key,
        flagged.insats_name,
        {% endif -%}
        flagged.year,
        flagged.rate,
        flagged.rate_label,
        flagged.source,
        flagged.published_numerator as numerator,
        flagged.published_denominator as denominator,
        case when flagged.is_published then flagged.value end as value,
        flagged.is_published,
        {{- national_columns('case when flagged.is_published then flagged.value end') }}
        flagged.size_band,
        {{- peer_columns() }}
        flagged.report_figures_reconciled,
        flagged.report_figures_mismatched,
        flagged.open_report_flags
    from flagged
    {{- statistics_joins('flagged') }}

)

select * from final
{% endmacro %}
