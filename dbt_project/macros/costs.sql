{#- Kronor per person, in whole kronor; empty when nobody was counted. -#}
{% macro cost_per(cost, people) -%}
    round({{ cost }} / nullif({{ people }}, 0), 0)
{%- endmacro %}

{#- `part` as a percentage of `whole`, one decimal; empty when the whole is 0 or missing. -#}
{% macro share_pct(part, whole) -%}
    round(100.0 * {{ part }} / nullif({{ whole }}, 0), 1)
{%- endmacro %}

{#- The people a cost mart divides by, as published: participants from the export of the
    source that counts, and those who ended to work or studies (person registers only). A
    cost per participant or per outcome is published only where its count is. -#}
{% macro published_cost_columns(costs) -%}
        {{ costs }}.participants_source,
        published_participants as participants,
        published_work_or_studies as ended_work_or_studies,
        case when published_participants is not null then {{ costs }}.cost_per_participant_kr
        end as cost_per_participant_kr,
        case when published_work_or_studies is not null
             then {{ costs }}.cost_per_work_or_studies_kr end as cost_per_work_or_studies_kr
{%- endmacro %}
