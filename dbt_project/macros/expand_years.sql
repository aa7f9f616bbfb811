{#- Each row of `relation` once for every year from its column `first_year` to its column
    `last_year` (at most 100 years; none when either is null or last < first), with the year
    as a bigint column `year`. DuckDB unnests a series per row; the portable form joins a
    series of 100 offsets on an inequality, which DuckDB can only run as a nested loop
    (4 million spells × 100 offsets at ten times the country). -#}

{% macro expand_years(relation, first_year, last_year) -%}
    {{ return(adapter.dispatch('expand_years')(relation, first_year, last_year)) }}
{%- endmacro %}

{% macro default__expand_years(relation, first_year, last_year) -%}
    select
        {{ relation }}.*,
        cast({{ relation }}.{{ first_year }} + year_offsets.generated_number - 1 as bigint)
            as year
    from {{ relation }}
    inner join ({{ dbt.generate_series(100) }}) as year_offsets
        on {{ relation }}.{{ first_year }} + year_offsets.generated_number - 1
           <= {{ relation }}.{{ last_year }}
{%- endmacro %}

{% macro duckdb__expand_years(relation, first_year, last_year) -%}
    select
        {{ relation }}.*,
        cast(unnest(generate_series(
            {{ relation }}.{{ first_year }},
            case when {{ relation }}.{{ last_year }} > {{ relation }}.{{ first_year }} + 99
                 then {{ relation }}.{{ first_year }} + 99
                 else {{ relation }}.{{ last_year }} end)) as bigint) as year
    from {{ relation }}
{%- endmacro %}
