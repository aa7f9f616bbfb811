{#- The outcome codes of seeds/avslutsanledningar.csv in its order (registration errors are
    never counted). -#}
{% macro outcome_codes() %}
    {{ return(seed_values('avslutsanledningar', 'outcome_code',
                          where='not is_registration_error', order_by='position')) }}
{% endmacro %}

{#- Sum of a 0/1 flag over the rows where `condition` holds, as a portable bigint. -#}
{% macro sum_where(flag, condition='true') -%}
    cast(sum(case when {{ condition }} then {{ flag }} else 0 end) as {{ dbt.type_bigint() }})
{%- endmacro %}

{#- The participation counts shared by every mart grain: one definition of active, new,
    ended, outcomes, share to work or studies and time in insats.
    Expects rows of int_participations_by_year. -#}
{% macro participation_measures() %}
        -- active during the year: distinct people (pseudonymous ids are per förbund)
        count(distinct participant_id) as participants_active,
        count(distinct case when sex = 'women' then participant_id end)
            as participants_active_women,
        count(distinct case when sex = 'men' then participant_id end) as participants_active_men,
        -- started in the year
        {{ sum_where('is_new') }} as participants_new,
        {{ sum_where('is_new', "sex = 'women'") }} as participants_new_women,
        {{ sum_where('is_new', "sex = 'men'") }} as participants_new_men,
        -- ended in the year
        {{ sum_where('is_ended') }} as participants_ended,
        {{ sum_where('is_ended', "sex = 'women'") }} as participants_ended_women,
        {{ sum_where('is_ended', "sex = 'men'") }} as participants_ended_men,
        -- where the ended went
        {% for code in outcome_codes() -%}
        {{ sum_where('is_ended', "outcome_code = '" ~ code ~ "'") }} as ended_{{ code }},
        {% endfor -%}
        {{ sum_where('is_ended', 'counts_as_work_or_studies') }} as ended_work_or_studies,
        {{ sum_where('is_ended', 'working_or_studying_after') }} as ended_working_or_studying_after,
        -- shares and durations among the ended
        round(100.0 * {{ sum_where('is_ended', 'counts_as_work_or_studies') }}
            / nullif(sum(is_ended), 0), 1) as share_work_or_studies_pct,
        round(avg(case when is_ended = 1 then months_in_insats end), 1) as avg_months_in_insats
{% endmacro %}

{#- Blank a published count that could identify people: 1 … min_publish_count - 1. -#}
{% macro suppress_small(column) -%}
    case when {{ column }} > 0 and {{ column }} < {{ var('min_publish_count') }}
         then null else {{ column }} end
{%- endmacro %}

{#- Names of the count columns participation_measures() produces, in order. -#}
{% macro measure_count_columns() %}
    {%- set columns = [] -%}
    {%- for what in ['active', 'new', 'ended'] -%}
        {%- for suffix in ['', '_women', '_men'] -%}
            {%- do columns.append('participants_' ~ what ~ suffix) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- for code in outcome_codes() -%}{%- do columns.append('ended_' ~ code) -%}{%- endfor -%}
    {%- do columns.extend(['ended_work_or_studies', 'ended_working_or_studying_after']) -%}
    {{ return(columns) }}
{% endmacro %}

{#- The measures of `alias` (a participation_measures() CTE) after an outer join:
    missing counts are 0, missing shares and averages stay empty. -#}
{% macro joined_measures(alias) %}
        {% for column in measure_count_columns() -%}
        coalesce({{ alias }}.{{ column }}, 0) as {{ column }},
        {% endfor -%}
        {{ alias }}.share_work_or_studies_pct,
        {{ alias }}.avg_months_in_insats
{%- endmacro %}

{#- The columns that identify an insats in every register and cost source, and its key
    across the warehouse: the förbund's organisation number and the insats' id in that
    förbund's exports ("222000-0000/IPS"). -#}
{% macro insats_ids() -%}
        forbund_org_nr,
        forbund_name,
        forbund_org_nr || '/' || insats_id as insats_key,
        insats_id,
        insats_name
{%- endmacro %}

{#- Who a report section speaks of, one value per section from its figures' rows. -#}
{% macro report_section_identity() -%}
        min(forbund_org_nr) as forbund_org_nr,
        min(insats_key) as insats_key,
        min(forbund_name_reported) as forbund_name_reported,
        min(insats_name_reported) as insats_name_reported,
        min(period_start) as period_start,
        min(period_end) as period_end
{%- endmacro %}
