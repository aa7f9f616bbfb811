{#- How alike two folded names are, 0–1, for spelling variants ("Hälsolotsen" / "Halsolotsen
    Ost"). DuckDB has Jaro–Winkler built in; another engine falls back to equality until it
    gets its own (e.g. pg_trgm's similarity on Postgres). -#}
{% macro name_similarity(a, b) -%}
    {{ return(adapter.dispatch('name_similarity')(a, b)) }}
{%- endmacro %}

{% macro default__name_similarity(a, b) -%}
    case when {{ a }} = {{ b }} then 1.0 else 0.0 end
{%- endmacro %}

{% macro duckdb__name_similarity(a, b) -%}
    jaro_winkler_similarity({{ a }}, {{ b }})
{%- endmacro %}
