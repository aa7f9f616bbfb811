{#- What is published per förbund and year: fct_forbund_year with small counts blanked, and
    every cell from which a blanked one could be worked out (macros/published.sql). -#}
{{ published_with_suppression(ref('fct_forbund_year')) }}
