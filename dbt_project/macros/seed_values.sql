{#- One column of a seed as a list, so that a code list has its one home in seeds/: the SQL
    that needs it as column names (a pivot) reads it here at run time. The seed is found
    through the graph, not ref(), so that unit tests read the real code list, not a fixture;
    every model that calls this depends on the seed through its parents. Empty at parse time. -#}
{% macro seed_values(seed, column, where=none, order_by=none) %}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set nodes = graph.nodes.values() | selectattr('resource_type', 'equalto', 'seed')
                    | selectattr('name', 'equalto', seed) | list -%}
    {%- if not nodes -%}
        {{ exceptions.raise_compiler_error("seed_values: no seed named " ~ seed) }}
    {%- endif -%}
    {%- set relation = adapter.get_relation(database=nodes[0].database,
                                            schema=nodes[0].schema,
                                            identifier=nodes[0].alias) -%}
    {%- if relation is none -%}
        {{ exceptions.raise_compiler_error("seed_values: seed " ~ seed
                                           ~ " is not loaded yet; run dbt seed (or dbt build)") }}
    {%- endif -%}
    {%- set query -%}
        select {{ column }} from {{ relation }}
        {% if where %}where {{ where }}{% endif %}
        order by {{ order_by or column }}
    {%- endset -%}
    {{ return(run_query(query).columns[0].values() | list) }}
{% endmacro %}
