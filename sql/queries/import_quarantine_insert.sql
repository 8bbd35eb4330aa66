-- Importer: rows refused from one file, with the physical line where each starts and why.
insert into import_quarantine (import_id, file_name, line_number, reason, raw_record)
select $1, $2, * from unnest($3::integer[], $4::text[], $5::text[]) as r(line_number, reason, raw_record);
