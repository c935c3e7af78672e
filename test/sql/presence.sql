-- Written by `npm run sql:snapshot` from test/sql/queries.ts: do not edit; review its changes.
-- registrations/presence.ts: where people are during a window (its conditions show in the searches that compose them)

-- presenceSql, one week
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $1::date and d.end_date >= $2::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($3::date, $4::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $5::timestamptz - make_interval(days => $6)
   and l.recorded_at <= $7::timestamptz;
-- $1 = "2025-03-07"
-- $2 = "2025-03-01"
-- $3 = "2025-03-01"
-- $4 = "2025-03-07"
-- $5 = "2025-03-01T00:00:00.000Z"
-- $6 = 14
-- $7 = "2025-03-07T23:59:59.000Z"

-- presenceSql, one instant (a crisis manifest)
select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
union all
select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
 where d.start_date <= $1::date and d.end_date >= $2::date
   and daterange(d.start_date, d.end_date, '[]') && daterange($3::date, $4::date, '[]')
union all
select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
 where l.country is not null
   and l.recorded_at >= $5::timestamptz - make_interval(days => $6)
   and l.recorded_at <= $7::timestamptz;
-- $1 = "2025-03-04"
-- $2 = "2025-03-04"
-- $3 = "2025-03-04"
-- $4 = "2025-03-04"
-- $5 = "2025-03-04T12:00:00.000Z"
-- $6 = 14
-- $7 = "2025-03-04T12:00:00.000Z"
