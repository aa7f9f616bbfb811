{#- A table model rebuilt by one `create or replace table … as` (DuckDB replaces it within the
    build's transaction, so readers see the old table or the new one, never neither).

    dbt-duckdb's `table` builds a temporary table, renames the old one away, renames the new
    one in, drops the old one, and looks for indexes and foreign keys first: statements and
    catalog lookups that cost ≈ 15 ms a model and give this project nothing (no indexes,
    foreign keys, grants or persisted docs). Chosen for DuckDB in dbt_project.yml; any other
    adapter (Postgres) builds these models with its own `table`. Exports stay `table`: their
    contracts are enforced by dbt's table materialization. -#}

{% materialization finsam_table, adapter="duckdb" %}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set target_relation = this.incorporate(type="table") -%}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {%- if existing_relation is not none and not existing_relation.is_table %}
    {{ drop_relation_if_exists(existing_relation) }}
  {%- endif %}
  {% call statement("main") -%}
    create or replace table {{ target_relation }} as (
      {{ compiled_code }}
    )
  {%- endcall %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({"relations": [target_relation]}) }}
{% endmaterialization %}
