-- Written by `npm run sql:snapshot` from test/sql/queries.ts: do not edit; review its changes.
-- registrations/people.repository.ts: the staff people search

-- countPeople, an officer: districts, country, area, name/phone/passport/e-mail
with m as (
select distinct p.user_id from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $1::date and d.end_date >= $2::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($3::date, $4::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $5::timestamptz - make_interval(days => $6)
   and l.recorded_at <= $7::timestamptz) p
where (true and exists (
select 1 from missions m
 where m.code = any($8::text[])
   and ("p"."country" = any(m.district_countries)
        or ("p"."location" is not null and m.district_area is not null and ST_Intersects(m.district_area, "p"."location")))) and "p".country = $9 and ("p".location is not null and ST_Intersects("p".location, ST_Multi(ST_CollectionExtract(ST_WrapX(ST_WrapX(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($10), 4326)), 180, -360), -180, 360), 3))))) and exists (select 1 from (select id, name, email, phone, phone_verified_at, locale, disabled_at, created_at, updated_at from users) u left join profiles pr on pr.user_id = u.id
    where u.id = p.user_id and (
      lower(pr.name_latin) like $11 or pr.name_zh like $12 or lower(u.name) like $13
      or pr.phone = $14 or u.phone = $15
      or pr.passport_digest = $16
      or lower(u.email) = $17)))
select (select count(*)::int from m) as people,
  (select count(distinct tt.dependant_id)::int
     from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $18::date and d.end_date >= $19::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($20::date, $21::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $22::timestamptz - make_interval(days => $23)
   and l.recorded_at <= $24::timestamptz) p
     join trip_travellers tt on tt.trip_id = p.trip_id
    where p.user_id in (select user_id from m) and (true and exists (
select 1 from missions m
 where m.code = any($25::text[])
   and ("p"."country" = any(m.district_countries)
        or ("p"."location" is not null and m.district_area is not null and ST_Intersects(m.district_area, "p"."location")))) and "p".country = $26 and ("p".location is not null and ST_Intersects("p".location, ST_Multi(ST_CollectionExtract(ST_WrapX(ST_WrapX(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($27), 4326)), 180, -360), -180, 360), 3)))))) as dependants;
-- $1 = "2025-03-07"
-- $2 = "2025-03-01"
-- $3 = "2025-03-01"
-- $4 = "2025-03-07"
-- $5 = "2025-03-01T00:00:00.000Z"
-- $6 = 14
-- $7 = "2025-03-07T23:59:59.000Z"
-- $8 = ["TH-BKK-EMB"]
-- $9 = "TH"
-- $10 = "{\"type\":\"Polygon\",\"coordinates\":[[[100.3,13.5],[100.9,13.5],[100.9,14],[100.3,14],[100.3,13.5]]]}"
-- $11 = "%somchai%"
-- $12 = "%somchai%"
-- $13 = "%somchai%"
-- $14 = "+66812345678"
-- $15 = "+66812345678"
-- $16 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
-- $17 = "somchai@example.org"
-- $18 = "2025-03-07"
-- $19 = "2025-03-01"
-- $20 = "2025-03-01"
-- $21 = "2025-03-07"
-- $22 = "2025-03-01T00:00:00.000Z"
-- $23 = 14
-- $24 = "2025-03-07T23:59:59.000Z"
-- $25 = ["TH-BKK-EMB"]
-- $26 = "TH"
-- $27 = "{\"type\":\"Polygon\",\"coordinates\":[[[100.3,13.5],[100.9,13.5],[100.9,14],[100.3,14],[100.3,13.5]]]}"

-- findPeople, the same search, first 100
select u.id, u.name, u.email, pr.name_latin, pr.name_zh, coalesce(pr.phone, u.phone) as phone,
  pr.passport_last4,
  coalesce((select json_agg(json_build_object('source', x.source, 'country', x.country,
             'lat', ST_Y(x.location), 'lon', ST_X(x.location)))
            from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $1::date and d.end_date >= $2::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($3::date, $4::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $5::timestamptz - make_interval(days => $6)
   and l.recorded_at <= $7::timestamptz) x where x.user_id = u.id), '[]'::json) as places,
  coalesce((select json_agg(json_build_object('id', dp.id, 'relation', dp.relation,
             'name_latin', dp.name_latin, 'name_zh', dp.name_zh, 'date_of_birth', dp.date_of_birth,
             'sex', dp.sex, 'passport_last4', dp.passport_last4) order by dp.id)
            from dependants dp
           where dp.user_id = u.id and exists (
             select 1 from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $8::date and d.end_date >= $9::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($10::date, $11::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $12::timestamptz - make_interval(days => $13)
   and l.recorded_at <= $14::timestamptz) x
               join trip_travellers tt on tt.trip_id = x.trip_id and tt.dependant_id = dp.id
              where x.user_id = u.id and (true and exists (
select 1 from missions m
 where m.code = any($15::text[])
   and ("x"."country" = any(m.district_countries)
        or ("x"."location" is not null and m.district_area is not null and ST_Intersects(m.district_area, "x"."location")))) and "x".country = $16 and ("x".location is not null and ST_Intersects("x".location, ST_Multi(ST_CollectionExtract(ST_WrapX(ST_WrapX(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($17), 4326)), 180, -360), -180, 360), 3))))))), '[]'::json) as dependants
from (
  select m.user_id
    from (
select distinct p.user_id from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $18::date and d.end_date >= $19::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($20::date, $21::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $22::timestamptz - make_interval(days => $23)
   and l.recorded_at <= $24::timestamptz) p
where (true and exists (
select 1 from missions m
 where m.code = any($25::text[])
   and ("p"."country" = any(m.district_countries)
        or ("p"."location" is not null and m.district_area is not null and ST_Intersects(m.district_area, "p"."location")))) and "p".country = $26 and ("p".location is not null and ST_Intersects("p".location, ST_Multi(ST_CollectionExtract(ST_WrapX(ST_WrapX(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($27), 4326)), 180, -360), -180, 360), 3))))) and exists (select 1 from (select id, name, email, phone, phone_verified_at, locale, disabled_at, created_at, updated_at from users) u left join profiles pr on pr.user_id = u.id
    where u.id = p.user_id and (
      lower(pr.name_latin) like $28 or pr.name_zh like $29 or lower(u.name) like $30
      or pr.phone = $31 or u.phone = $32
      or pr.passport_digest = $33
      or lower(u.email) = $34))) m
    left join profiles p on p.user_id = m.user_id
   order by coalesce(p.name_latin, (select n.name from (select id, name, email, phone, phone_verified_at, locale, disabled_at, created_at, updated_at from users) n where n.id = m.user_id)), m.user_id
   limit $35) page
join (select id, name, email, phone, phone_verified_at, locale, disabled_at, created_at, updated_at from users) u on u.id = page.user_id
left join profiles pr on pr.user_id = u.id
order by coalesce(pr.name_latin, u.name), u.id;
-- $1 = "2025-03-07"
-- $2 = "2025-03-01"
-- $3 = "2025-03-01"
-- $4 = "2025-03-07"
-- $5 = "2025-03-01T00:00:00.000Z"
-- $6 = 14
-- $7 = "2025-03-07T23:59:59.000Z"
-- $8 = "2025-03-07"
-- $9 = "2025-03-01"
-- $10 = "2025-03-01"
-- $11 = "2025-03-07"
-- $12 = "2025-03-01T00:00:00.000Z"
-- $13 = 14
-- $14 = "2025-03-07T23:59:59.000Z"
-- $15 = ["TH-BKK-EMB"]
-- $16 = "TH"
-- $17 = "{\"type\":\"Polygon\",\"coordinates\":[[[100.3,13.5],[100.9,13.5],[100.9,14],[100.3,14],[100.3,13.5]]]}"
-- $18 = "2025-03-07"
-- $19 = "2025-03-01"
-- $20 = "2025-03-01"
-- $21 = "2025-03-07"
-- $22 = "2025-03-01T00:00:00.000Z"
-- $23 = 14
-- $24 = "2025-03-07T23:59:59.000Z"
-- $25 = ["TH-BKK-EMB"]
-- $26 = "TH"
-- $27 = "{\"type\":\"Polygon\",\"coordinates\":[[[100.3,13.5],[100.9,13.5],[100.9,14],[100.3,14],[100.3,13.5]]]}"
-- $28 = "%somchai%"
-- $29 = "%somchai%"
-- $30 = "%somchai%"
-- $31 = "+66812345678"
-- $32 = "+66812345678"
-- $33 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
-- $34 = "somchai@example.org"
-- $35 = 100

-- countPeople, a duty officer: every mission, a name
with m as (
select distinct p.user_id from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $1::date and d.end_date >= $2::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($3::date, $4::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $5::timestamptz - make_interval(days => $6)
   and l.recorded_at <= $7::timestamptz) p
where (true) and exists (select 1 from (select id, name, email, phone, phone_verified_at, locale, disabled_at, created_at, updated_at from users) u left join profiles pr on pr.user_id = u.id
    where u.id = p.user_id and (
      lower(pr.name_latin) like $8 or pr.name_zh like $9 or lower(u.name) like $10
      )))
select (select count(*)::int from m) as people,
  (select count(distinct tt.dependant_id)::int
     from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $11::date and d.end_date >= $12::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($13::date, $14::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $15::timestamptz - make_interval(days => $16)
   and l.recorded_at <= $17::timestamptz) p
     join trip_travellers tt on tt.trip_id = p.trip_id
    where p.user_id in (select user_id from m) and (true)) as dependants;
-- $1 = "2025-03-07"
-- $2 = "2025-03-01"
-- $3 = "2025-03-01"
-- $4 = "2025-03-07"
-- $5 = "2025-03-01T00:00:00.000Z"
-- $6 = 14
-- $7 = "2025-03-07T23:59:59.000Z"
-- $8 = "%wang%"
-- $9 = "%wang%"
-- $10 = "%wang%"
-- $11 = "2025-03-07"
-- $12 = "2025-03-01"
-- $13 = "2025-03-01"
-- $14 = "2025-03-07"
-- $15 = "2025-03-01T00:00:00.000Z"
-- $16 = 14
-- $17 = "2025-03-07T23:59:59.000Z"

-- findPeople, the same search, first 100
select u.id, u.name, u.email, pr.name_latin, pr.name_zh, coalesce(pr.phone, u.phone) as phone,
  pr.passport_last4,
  coalesce((select json_agg(json_build_object('source', x.source, 'country', x.country,
             'lat', ST_Y(x.location), 'lon', ST_X(x.location)))
            from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $1::date and d.end_date >= $2::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($3::date, $4::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $5::timestamptz - make_interval(days => $6)
   and l.recorded_at <= $7::timestamptz) x where x.user_id = u.id), '[]'::json) as places,
  coalesce((select json_agg(json_build_object('id', dp.id, 'relation', dp.relation,
             'name_latin', dp.name_latin, 'name_zh', dp.name_zh, 'date_of_birth', dp.date_of_birth,
             'sex', dp.sex, 'passport_last4', dp.passport_last4) order by dp.id)
            from dependants dp
           where dp.user_id = u.id and exists (
             select 1 from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $8::date and d.end_date >= $9::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($10::date, $11::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $12::timestamptz - make_interval(days => $13)
   and l.recorded_at <= $14::timestamptz) x
               join trip_travellers tt on tt.trip_id = x.trip_id and tt.dependant_id = dp.id
              where x.user_id = u.id and (true))), '[]'::json) as dependants
from (
  select m.user_id
    from (
select distinct p.user_id from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $15::date and d.end_date >= $16::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($17::date, $18::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $19::timestamptz - make_interval(days => $20)
   and l.recorded_at <= $21::timestamptz) p
where (true) and exists (select 1 from (select id, name, email, phone, phone_verified_at, locale, disabled_at, created_at, updated_at from users) u left join profiles pr on pr.user_id = u.id
    where u.id = p.user_id and (
      lower(pr.name_latin) like $22 or pr.name_zh like $23 or lower(u.name) like $24
      ))) m
    left join profiles p on p.user_id = m.user_id
   order by coalesce(p.name_latin, (select n.name from (select id, name, email, phone, phone_verified_at, locale, disabled_at, created_at, updated_at from users) n where n.id = m.user_id)), m.user_id
   limit $25) page
join (select id, name, email, phone, phone_verified_at, locale, disabled_at, created_at, updated_at from users) u on u.id = page.user_id
left join profiles pr on pr.user_id = u.id
order by coalesce(pr.name_latin, u.name), u.id;
-- $1 = "2025-03-07"
-- $2 = "2025-03-01"
-- $3 = "2025-03-01"
-- $4 = "2025-03-07"
-- $5 = "2025-03-01T00:00:00.000Z"
-- $6 = 14
-- $7 = "2025-03-07T23:59:59.000Z"
-- $8 = "2025-03-07"
-- $9 = "2025-03-01"
-- $10 = "2025-03-01"
-- $11 = "2025-03-07"
-- $12 = "2025-03-01T00:00:00.000Z"
-- $13 = 14
-- $14 = "2025-03-07T23:59:59.000Z"
-- $15 = "2025-03-07"
-- $16 = "2025-03-01"
-- $17 = "2025-03-01"
-- $18 = "2025-03-07"
-- $19 = "2025-03-01T00:00:00.000Z"
-- $20 = 14
-- $21 = "2025-03-07T23:59:59.000Z"
-- $22 = "%wang%"
-- $23 = "%wang%"
-- $24 = "%wang%"
-- $25 = 100
