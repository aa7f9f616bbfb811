with

extracted as (

    select * from {{ source('reports', 'report_figures') }}

),

curated as (

    select * from {{ source('reports', 'report_figures_curated') }}

),

{%- set figure_columns %}
        -- names as the report writes them
        forbund as forbund_name_reported,
        insats as insats_name_reported,

        -- the figure
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        metric,
        sex,
        cast(value as {{ dbt.type_numeric() }}) as value,

        -- provenance
        quote,
        source_file,
{%- endset %}

unioned as (

    select {{ figure_columns }}
        'extracted' as origin,
        cast(char_start as {{ dbt.type_bigint() }}) as char_start,
        cast(char_end as {{ dbt.type_bigint() }}) as char_end,
        rule,
        heading_path,
        cast(null as {{ dbt.type_string() }}) as decision
    from extracted

    union all

    select {{ figure_columns }}
        'curated' as origin,
        cast(null as {{ dbt.type_bigint() }}) as char_start,
        cast(null as {{ dbt.type_bigint() }}) as char_end,
        {{ dbt.concat(["'curated row '", "cast(source_row as " ~ dbt.type_string() ~ ")"]) }}
            as rule,
        cast(null as {{ dbt.type_string() }}) as heading_path,
        decision
    from curated

)

select * from unioned
