{#- A name folded for matching, the SQL twin of pipelines/reports/folding.py `fold`: lower
    case, accented letters as their base letter, every run of other characters as one space,
    trimmed. regexp_replace(…, 'g') reads the same in DuckDB and Postgres.
    tests/integration/test_folding.py checks that the two agree. -#}
{% macro normalise_name(expression) -%}
    {%- set ns = namespace(folded='lower(' ~ expression ~ ')') -%}
    {%- for letters, base in [('åäàáâãā', 'a'), ('öòóôõō', 'o'), ('éèêëē', 'e'), ('üùúûū', 'u'),
                              ('íìîïī', 'i'), ('ýÿ', 'y'), ('ñ', 'n'), ('ç', 'c')] -%}
        {%- for letter in letters -%}
            {%- set ns.folded = 'replace(' ~ ns.folded ~ ", '" ~ letter ~ "', '" ~ base ~ "')" -%}
        {%- endfor -%}
    {%- endfor -%}
    trim(regexp_replace({{ ns.folded }}, '[^a-z0-9]+', ' ', 'g'))
{%- endmacro %}
