import { type Kysely, sql } from 'kysely'

// Appointments at a mission's counters: calendars per mission and location (time zone, weekly
// hours, closed dates, per service the slot length and capacity), one counter row per slot that
// bookings lock (capacity is enforced here, not in code), the bookings themselves bound to the
// holder's passport (blind index), the waitlist, spent ALTCHA challenges, the day's queue tickets
// and the lifts of no-show suspensions.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = `
    create table appointment_calendars (
      mission_code text not null,
      location text not null,
      timezone text not null,
      weekly jsonb not null,
      closed_dates text[] not null default '{}',
      horizon_days int not null check (horizon_days between 1 and 366),
      min_notice_hours int not null check (min_notice_hours between 0 and 720),
      buffer_minutes int not null default 0 check (buffer_minutes between 0 and 240),
      updated_by uuid,
      updated_at timestamptz not null default now(),
      primary key (mission_code, location)
    );
    create table appointment_calendar_services (
      mission_code text not null,
      location text not null,
      service text not null,
      slot_minutes int not null check (slot_minutes between 5 and 480),
      capacity int not null check (capacity between 1 and 1000),
      primary key (mission_code, location, service),
      foreign key (mission_code, location) references appointment_calendars on delete cascade
    );
    create table appointment_slots (
      id uuid primary key,
      mission_code text not null,
      location text not null,
      service text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      capacity int not null check (capacity >= 0),
      booked int not null default 0 check (booked >= 0),
      held int not null default 0 check (held >= 0),
      unique (mission_code, location, service, starts_at),
      check (booked + held <= capacity)
    );
    create table appointments (
      id uuid primary key,
      code text not null unique,
      user_id uuid not null,
      slot_id uuid not null references appointment_slots,
      mission_code text not null,
      location text not null,
      service text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      status text not null check (status in
        ('held','booked','checked_in','called','serving','done','missed','no_show','cancelled','lapsed')),
      holder_name text not null,
      passport_digest text not null,
      passport_last4 text not null,
      application_id uuid,
      waitlist_id uuid,
      hold_expires_at timestamptz,
      ticket text,
      counter int,
      calls int not null default 0,
      checked_in_at timestamptz,
      called_at timestamptz,
      served_at timestamptz,
      done_at timestamptz,
      cancelled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index appointments_one_active_per_passport on appointments (passport_digest, service)
      where status in ('held','booked','checked_in','called','serving');
    create unique index appointments_one_active_per_account on appointments (user_id, service)
      where status in ('held','booked','checked_in','called','serving');
    create index appointments_user_idx on appointments (user_id, starts_at desc);
    create index appointments_day_idx on appointments (mission_code, location, starts_at);
    create index appointments_no_show_idx on appointments (passport_digest, starts_at) where status = 'no_show';
    create index appointments_booked_end_idx on appointments (ends_at) where status = 'booked';
    create index appointments_holds_idx on appointments (hold_expires_at) where status = 'held';
    create table appointment_waitlist (
      id uuid primary key,
      user_id uuid not null,
      mission_code text not null,
      location text not null,
      service text not null,
      from_date date not null,
      to_date date not null check (to_date >= from_date),
      holder_name text not null,
      passport_digest text not null,
      passport_last4 text not null,
      status text not null check (status in ('waiting','offered','booked','cancelled','expired')),
      created_at timestamptz not null default now()
    );
    create index appointment_waitlist_match_idx on appointment_waitlist (mission_code, location, service, created_at)
      where status = 'waiting';
    create unique index appointment_waitlist_one_per_person on appointment_waitlist (user_id, mission_code, location, service)
      where status in ('waiting','offered');
    create table appointment_challenges (
      signature text primary key,
      expires_at timestamptz not null
    );
    create table appointment_tickets (
      id uuid primary key,
      mission_code text not null,
      location text not null,
      local_date date not null,
      ticket text not null,
      appointment_id uuid references appointments,
      status text not null check (status in ('waiting','called','serving','done','missed')),
      counter int,
      calls int not null default 0,
      checked_in_at timestamptz not null default now(),
      called_at timestamptz,
      served_at timestamptz,
      done_at timestamptz,
      unique (mission_code, location, local_date, ticket),
      unique (appointment_id)
    );
    create index appointment_tickets_waiting_idx on appointment_tickets (mission_code, location, local_date, checked_in_at)
      where status = 'waiting';
    create index appointment_tickets_called_idx on appointment_tickets (mission_code, location, called_at);
    create table appointment_ticket_numbers (
      mission_code text not null,
      location text not null,
      local_date date not null,
      prefix text not null,
      last int not null,
      primary key (mission_code, location, local_date, prefix)
    );
    create table appointment_suspension_lifts (
      id uuid primary key,
      passport_digest text not null,
      lifted_by uuid not null,
      lifted_at timestamptz not null default now()
    );
    create index appointment_suspension_lifts_idx on appointment_suspension_lifts (passport_digest, lifted_at desc);
  `
  // One statement at a time: the embedded engine's extended protocol takes one per query.
  for (const statement of statements.split(';').map((s) => s.trim()))
    if (statement) await sql.raw(statement).execute(db)
}
