{#- Building a förbund-partitioned model for the förbund whose data changed only (issue 13).

    A model whose every row belongs to one förbund and is computed from rows of that förbund
    (and code lists) alone may be incremental: `config(**forbund_incremental())`. When it
    already exists (and no --full-refresh is asked), a build deletes the rows of the
    förbund in the build scope and inserts them again from the model's SQL, which filters
    its inputs with `in_build_scope('forbund_org_nr')`.

    The scope is ops.dbt_build_scope (forbund_org_nr), written by the nightly load from
    per-förbund digests of the sources (pipelines/dbt_changes.py) just before the build. A
    row with a null forbund_org_nr, or no such table, means every förbund: a dbt build run
    by hand, or any build after the night's own, recomputes every row. -#}

{% macro forbund_incremental() -%}
    {{ return({"materialized": "incremental", "incremental_strategy": "append",
               "on_schema_change": "fail",
               "pre_hook": "{{ delete_build_scope() }}"}) }}
{%- endmacro %}

{% macro _build_scope_relation() -%}
    {{ return(adapter.get_relation(database=this.database, schema="ops",
                                   identifier="dbt_build_scope")) }}
{%- endmacro %}

{% macro in_build_scope(column) -%}
    {#- no `this` in a dbt unit test: its inputs are the whole scope -#}
    {%- set scope = _build_scope_relation() if this is not none and is_incremental()
                    else none -%}
    {%- if scope is none -%}
    (1 = 1)
    {%- else -%}
    ({{ column }} in (select forbund_org_nr from {{ scope }} where forbund_org_nr is not null)
     or exists (select 1 from {{ scope }} where forbund_org_nr is null))
    {%- endif -%}
{%- endmacro %}

{% macro delete_build_scope() -%}
    {%- if is_incremental() -%}
    delete from {{ this }} where {{ in_build_scope('forbund_org_nr') }}
    {%- endif -%}
{%- endmacro %}
