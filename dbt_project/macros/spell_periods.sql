{#- When a participant spell counts for a period [period_start, period_end]: one definition
    for calendar years (int_participations_by_year) and report periods (fct_reconciliation).
    An open spell lasts until its export's as-of date. -#}

{% macro spell_active_in(spell, period_start, period_end) -%}
    ({{ spell }}.start_date <= {{ period_end }}
     and coalesce({{ spell }}.end_date, {{ spell }}.export_as_of_date) >= {{ period_start }})
{%- endmacro %}

{% macro spell_started_in(spell, period_start, period_end) -%}
    ({{ spell }}.start_date between {{ period_start }} and {{ period_end }})
{%- endmacro %}

{% macro spell_ended_in(spell, period_start, period_end) -%}
    ({{ spell }}.end_date is not null
     and {{ spell }}.end_date between {{ period_start }} and {{ period_end }})
{%- endmacro %}

{% macro spell_ongoing_at(spell, period_end) -%}
    ({{ spell }}.start_date <= {{ period_end }}
     and ({{ spell }}.end_date is null or {{ spell }}.end_date > {{ period_end }}))
{%- endmacro %}

{#- First and last day of a calendar year column, portable. -#}
{% macro year_start(year) -%}
    cast({{ dbt.concat(["cast(" ~ year ~ " as " ~ dbt.type_string() ~ ")", "'-01-01'"]) }} as date)
{%- endmacro %}

{% macro year_end(year) -%}
    cast({{ dbt.concat(["cast(" ~ year ~ " as " ~ dbt.type_string() ~ ")", "'-12-31'"]) }} as date)
{%- endmacro %}
