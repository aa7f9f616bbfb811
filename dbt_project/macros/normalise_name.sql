{#- A name folded for matching: lower case, å/ä/ö/é as a/a/o/e, punctuation as spaces,
    single spaces. Plain replace() keeps it portable across engines. -#}
{% macro normalise_name(expression) -%}
    {%- set folded = 'lower(' ~ expression ~ ')' -%}
    {%- for source, target in [('å', 'a'), ('ä', 'a'), ('ö', 'o'), ('é', 'e'), ('ü', 'u'),
                               (',', ' '), ('.', ' '), ('-', ' '), ('–', ' '), ('"', ' '),
                               ("''", ' '), (':', ' '), ('(', ' '), (')', ' '), ('/', ' '),
                               ('!', ' '), ('  ', ' '), ('  ', ' '), ('  ', ' ')] -%}
        {%- set folded = 'replace(' ~ folded ~ ", '" ~ source ~ "', '" ~ target ~ "')" -%}
    {%- endfor -%}
    trim({{ folded }})
{%- endmacro %}
