{#- What is published per insats and year: fct_insats_year with small counts blanked, and
    every cell from which a blanked one could be worked out (macros/published.sql); the
    insatser of a förbund and year add up to its figures, so they are one group. -#}
{{ published_with_suppression(ref('fct_insats_year'), partition_by='forbund_org_nr, year',
                              order_key='insats_key') }}
