with

source as (

    select * from {{ source('register', 'register_files') }}

),

renamed as (

    select
        -- ids
        source_file,
        kind,

        -- the export
        export_date,
        status,
        superseded_by,
        warnings

    from source
    where status in ('loaded', 'partly superseded')

)

select * from renamed
