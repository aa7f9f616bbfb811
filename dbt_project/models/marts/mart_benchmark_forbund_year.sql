{#- How each förbund compares with the others in the same year, rate by rate
    (macros/benchmark.sql). -#}
{{ benchmark_mart('forbund') }}
