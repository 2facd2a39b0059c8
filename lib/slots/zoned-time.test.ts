import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  instantToLocalDate,
  isValidTimeZone,
  localToInstant,
} from './zoned-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('localToInstant', () => {
  it.each([
    // [date, time, zone, expected UTC]
    ['2027-03-14', '01:59', 'America/New_York', '2027-03-14T06:59:00.000Z'],
    ['2027-03-14', '02:00', 'America/New_York', '2027-03-14T07:00:00.000Z'], // gap → 03:00 EDT
    ['2027-03-14', '02:30', 'America/New_York', '2027-03-14T07:30:00.000Z'], // gap → 03:30 EDT
    ['2027-03-14', '03:00', 'America/New_York', '2027-03-14T07:00:00.000Z'],
    ['2027-11-07', '00:59', 'America/New_York', '2027-11-07T04:59:00.000Z'],
    ['2027-11-07', '01:30', 'America/New_York', '2027-11-07T05:30:00.000Z'], // ambiguous → EDT (earlier)
    ['2027-11-07', '02:00', 'America/New_York', '2027-11-07T07:00:00.000Z'],
    ['2027-03-28', '00:59', 'Europe/London', '2027-03-28T00:59:00.000Z'],
    ['2027-03-28', '01:30', 'Europe/London', '2027-03-28T01:30:00.000Z'], // gap → 02:30 BST
    ['2027-03-28', '02:00', 'Europe/London', '2027-03-28T01:00:00.000Z'],
    ['2027-10-31', '01:30', 'Europe/London', '2027-10-31T00:30:00.000Z'], // ambiguous → BST
    ['2027-10-31', '02:00', 'Europe/London', '2027-10-31T02:00:00.000Z'],
    ['2027-03-14', '02:30', 'Asia/Kolkata', '2027-03-13T21:00:00.000Z'],
    ['2027-01-01', '24:00', 'Asia/Kolkata', '2027-01-01T18:30:00.000Z'],
    ['2027-10-03', '02:15', 'Australia/Lord_Howe', '2027-10-02T15:45:00.000Z'], // 30-min gap
    ['2027-04-04', '01:45', 'Australia/Lord_Howe', '2027-04-03T14:45:00.000Z'], // 30-min overlap
    ['2027-06-01', '12:00', 'UTC', '2027-06-01T12:00:00.000Z'],
  ])('%s %s %s → %s', (date, time, tz, expected) => {
    expect(iso(localToInstant(date, time, tz))).toBe(expected);
  });

  it('rejects malformed input', () => {
    expect(() => localToInstant('2027-1-01', '10:00', 'UTC')).toThrow(RangeError);
    expect(() => localToInstant('2027-01-01', '24:01', 'UTC')).toThrow(RangeError);
  });
});

describe('instantToLocalDate', () => {
  it.each([
    ['2027-11-07T04:59:00.000Z', 'America/New_York', '2027-11-07'],
    ['2027-11-07T03:59:00.000Z', 'America/New_York', '2027-11-06'],
    ['2027-03-28T23:30:00.000Z', 'Europe/London', '2027-03-29'],
    ['2027-01-01T18:29:00.000Z', 'Asia/Kolkata', '2027-01-01'],
    ['2027-01-01T18:30:00.000Z', 'Asia/Kolkata', '2027-01-02'],
    ['2027-10-02T13:29:00.000Z', 'Australia/Lord_Howe', '2027-10-02'],
    ['2027-10-02T13:30:00.000Z', 'Australia/Lord_Howe', '2027-10-03'],
  ])('%s in %s is %s', (instant, tz, expected) => {
    expect(instantToLocalDate(Date.parse(instant), tz)).toBe(expected);
  });

  it('agrees with Intl minute by minute across a DST day', () => {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' });
    for (
      let t = Date.parse('2027-11-06T20:00:00Z');
      t < Date.parse('2027-11-08T08:00:00Z');
      t += 7 * 60_000
    ) {
      expect(instantToLocalDate(t, 'America/New_York')).toBe(f.format(t));
    }
  });
});

describe('calendar helpers', () => {
  it('adds days across months and years', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
  it('caps dates at 9999-12-31 and 0000-01-01 (YYYY-MM-DD has no others)', () => {
    expect(addDays('9999-12-31', 1)).toBe('9999-12-31');
    expect(addDays('9999-12-01', 62)).toBe('9999-12-31');
    expect(addDays('0000-01-01', -1)).toBe('0000-01-01');
  });
  it('gives the day of week with 0 = Sunday', () => {
    expect(dayOfWeek('2027-03-14')).toBe(0);
    expect(dayOfWeek('2027-03-20')).toBe(6);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });
  it('validates IANA names', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('years below 100', () => {
  it('are their own years, not 1900–1999', async () => {
    const { toDayNumber, fromDayNumber } = await import('./zoned-time');
    expect(fromDayNumber(toDayNumber('0050-06-01'))).toBe('0050-06-01');
    expect(toDayNumber('0050-06-01')).toBeLessThan(toDayNumber('1950-06-01'));
  });
});
