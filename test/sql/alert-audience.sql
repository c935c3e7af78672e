-- Written by `npm run sql:snapshot` from test/sql/queries.ts: do not edit; review its changes.
-- alerts/alert.audience.ts: who an alert reaches (an alert with a drawn area and ISO geocodes)

-- areaGeometrySql, a polygon and a circle
ST_UnaryUnion(ST_Collect(ARRAY[ST_WrapX(ST_WrapX(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)), 180, -360), -180, 360), (select ST_WrapX(ST_WrapX(case when ST_XMax(b.g) - ST_XMin(b.g) > 180 then ST_ShiftLongitude(b.g) else b.g end, 180, -360), -180, 360) from (select ST_Buffer(ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography, $4::float8, 32)::geometry as g) b)]::geometry[]));
-- $1 = "{\"type\":\"Polygon\",\"coordinates\":[[[100.3,13.5],[100.9,13.5],[100.9,14],[100.3,14],[100.3,13.5]]]}"
-- $2 = 100.5
-- $3 = 13.75
-- $4 = 25000

-- countriesConcerned
select array(
  select distinct code from (
    select cp.code from country_parts cp where ST_Intersects(cp.geom, (select a.area from alerts a where a.id = $1))
    union
    select unnest(a.geocode_countries) from alerts a where a.id = $2
  ) c order by 1) as codes;
-- $1 = "0195f000-0000-7000-8000-00000000a1e7"
-- $2 = "0195f000-0000-7000-8000-00000000a1e7"

-- countReach (1/2)
select area is not null as "hasArea", cardinality(geocode_countries) > 0 as "named" from "alerts" where "id" = $1;
-- $1 = "0195f000-0000-7000-8000-00000000a1e7"

-- countReach (2/2)
with placed as materialized (select p.user_id, p.source, p.location, p.trip_id from (
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
     where p.location is null and p.country = any((select a.countries || a.geocode_countries from alerts a where a.id = $8)::text[]) union all select p.user_id, p.source, p.location, p.trip_id from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $9::date and d.end_date >= $10::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($11::date, $12::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $13::timestamptz - make_interval(days => $14)
   and l.recorded_at <= $15::timestamptz) p
     where p.location is not null and ST_Intersects(p.location, (select a.area from alerts a where a.id = $16)) union all select p.user_id, p.source, p.location, p.trip_id from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $17::date and d.end_date >= $18::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($19::date, $20::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $21::timestamptz - make_interval(days => $22)
   and l.recorded_at <= $23::timestamptz) p
     where p.location is not null and p.country = any((select a.geocode_countries from alerts a where a.id = $24)::text[])
       and not coalesce(ST_Intersects(p.location, (select a.area from alerts a where a.id = $25)), false))
select (select count(distinct user_id) from placed)::int as people,
       (select count(*) from placed where source = 'trip')::int as trips,
       (select count(*) from (
          select user_id from (select s.user_id from subscriptions s where s.country = any((select a.countries from alerts a where a.id = $26)::text[])) s
          except select user_id from placed) x)::int as subscribers,
       (select count(*) from (
select s.id as site_id, s.enterprise_id from enterprise_sites s
  join enterprises e on e.id = s.enterprise_id
 where e.status = 'verified'
   and (ST_Intersects(s.location, (select a.area from alerts a where a.id = $27))
        or (s.area is not null and ST_Intersects(s.area, (select a.area from alerts a where a.id = $28)))
        or s.country = any((select a.geocode_countries from alerts a where a.id = $29)::text[]))) s)::int as sites;
-- $1 = "2025-03-07"
-- $2 = "2025-03-01"
-- $3 = "2025-03-01"
-- $4 = "2025-03-07"
-- $5 = "2025-03-01T00:00:00.000Z"
-- $6 = 14
-- $7 = "2025-03-07T23:59:59.000Z"
-- $8 = "0195f000-0000-7000-8000-00000000a1e7"
-- $9 = "2025-03-07"
-- $10 = "2025-03-01"
-- $11 = "2025-03-01"
-- $12 = "2025-03-07"
-- $13 = "2025-03-01T00:00:00.000Z"
-- $14 = 14
-- $15 = "2025-03-07T23:59:59.000Z"
-- $16 = "0195f000-0000-7000-8000-00000000a1e7"
-- $17 = "2025-03-07"
-- $18 = "2025-03-01"
-- $19 = "2025-03-01"
-- $20 = "2025-03-07"
-- $21 = "2025-03-01T00:00:00.000Z"
-- $22 = 14
-- $23 = "2025-03-07T23:59:59.000Z"
-- $24 = "0195f000-0000-7000-8000-00000000a1e7"
-- $25 = "0195f000-0000-7000-8000-00000000a1e7"
-- $26 = "0195f000-0000-7000-8000-00000000a1e7"
-- $27 = "0195f000-0000-7000-8000-00000000a1e7"
-- $28 = "0195f000-0000-7000-8000-00000000a1e7"
-- $29 = "0195f000-0000-7000-8000-00000000a1e7"

-- insertRecipients, an Update of an earlier alert (1/2)
select area is not null as "hasArea", cardinality(geocode_countries) > 0 as "named" from "alerts" where "id" = $1;
-- $1 = "0195f000-0000-7000-8000-00000000a1e7"

-- insertRecipients, an Update of an earlier alert (2/2)
insert into alert_recipients (alert_id, user_id, placed)
select $1::uuid, x.user_id, bool_or(x.placed) from (
  select pp.user_id, true as placed from (select p.user_id, p.source, p.location, p.trip_id from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $2::date and d.end_date >= $3::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($4::date, $5::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $6::timestamptz - make_interval(days => $7)
   and l.recorded_at <= $8::timestamptz) p
     where p.location is null and p.country = any((select a.countries || a.geocode_countries from alerts a where a.id = $9)::text[]) union all select p.user_id, p.source, p.location, p.trip_id from (
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $10::date and d.end_date >= $11::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($12::date, $13::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $14::timestamptz - make_interval(days => $15)
   and l.recorded_at <= $16::timestamptz) p
     where p.location is not null and ST_Intersects(p.location, (select a.area from alerts a where a.id = $17)) union all select p.user_id, p.source, p.location, p.trip_id from (
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
     where p.location is not null and p.country = any((select a.geocode_countries from alerts a where a.id = $25)::text[])
       and not coalesce(ST_Intersects(p.location, (select a.area from alerts a where a.id = $26)), false)) pp
  union all select s.user_id, false from (select s.user_id from subscriptions s where s.country = any((select a.countries from alerts a where a.id = $27)::text[])) s
  union all select r.user_id, false from alert_recipients r where r.alert_id = any($28::uuid[])
) x group by x.user_id
on conflict do nothing;
-- $1 = "0195f000-0000-7000-8000-00000000a1e7"
-- $2 = "2025-03-03"
-- $3 = "2025-03-01"
-- $4 = "2025-03-01"
-- $5 = "2025-03-03"
-- $6 = "2025-03-01T00:00:00.000Z"
-- $7 = 14
-- $8 = "2025-03-03T00:00:00.000Z"
-- $9 = "0195f000-0000-7000-8000-00000000a1e7"
-- $10 = "2025-03-03"
-- $11 = "2025-03-01"
-- $12 = "2025-03-01"
-- $13 = "2025-03-03"
-- $14 = "2025-03-01T00:00:00.000Z"
-- $15 = 14
-- $16 = "2025-03-03T00:00:00.000Z"
-- $17 = "0195f000-0000-7000-8000-00000000a1e7"
-- $18 = "2025-03-03"
-- $19 = "2025-03-01"
-- $20 = "2025-03-01"
-- $21 = "2025-03-03"
-- $22 = "2025-03-01T00:00:00.000Z"
-- $23 = 14
-- $24 = "2025-03-03T00:00:00.000Z"
-- $25 = "0195f000-0000-7000-8000-00000000a1e7"
-- $26 = "0195f000-0000-7000-8000-00000000a1e7"
-- $27 = "0195f000-0000-7000-8000-00000000a1e7"
-- $28 = ["0195f000-0000-7000-8000-00000000a1e6"]
