import {
  addDays,
  expect,
  localTime,
  type Named,
  nextDateOn,
  signIn,
  test,
  todayInOrg,
  unique,
} from './support';

/**
 * Catalog edits change what can be booked: weekly hours, a special-hours exception and the
 * service's start interval, each checked through GET /api/reservation-available-slots and,
 * at the end, in the reservation dialog's list of free times.
 *
 * The spec brings its own resource and service (created through the API), so the demo's
 * stylists, which other specs book, are never touched.
 */
test('editing hours, an exception and a service changes the free times', async ({ page, api }) => {
  const resource = await api.post<Named>('/reservation-resources', {
    name: unique('E2E Chair'),
    type: 'equipment',
  });
  const service = await api.post<Named>('/reservation-services', {
    name: unique('E2E Scalp massage'),
    duration_minutes: 30,
    color: '#7C3AED',
  });
  await api.post('/reservation-service-resources', {
    service_id: service.id,
    resource_id: resource.id,
    is_required: true,
  });
  const sunday = nextDateOn(addDays(todayInOrg(), 2), [0]);
  const monday = nextDateOn(addDays(todayInOrg(), 2), [1]);
  const startsOn = async (date: string) =>
    (await api.slots(service.id, date)).map((s) => localTime(s.start_datetime));

  expect(await startsOn(sunday)).toEqual([]);
  expect(await startsOn(monday)).toEqual([]);

  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Catalog' })
    .click();
  await page
    .getByRole('navigation', { name: 'Catalog sections' })
    .getByRole('link', { name: 'Resources' })
    .click();
  await page.getByRole('link', { name: `Edit ${resource.name} and its hours` }).click();
  await expect(page.getByRole('heading', { level: 2, name: resource.name })).toBeVisible();

  // Weekly hours: Sundays 10:00–12:00.
  await expect(page.getByRole('group', { name: 'Sunday: closed' })).toBeVisible();
  await page.getByRole('button', { name: 'Add hours on Sunday' }).click();
  const interval = page.getByRole('form', { name: 'Add hours on Sunday' });
  await interval.getByLabel('From').selectOption('10:00');
  await interval.getByLabel('Until').selectOption('12:00');
  await interval.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added Sunday 10:00–12:00.' }),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: 'Sunday: 10:00–12:00' })).toBeVisible();
  await expect.poll(() => startsOn(sunday)).toEqual(['10:00', '10:30', '11:00', '11:30']);

  // An exception: special hours on a Monday, when the chair is otherwise closed.
  const exception = page.getByRole('form', { name: 'Add an exception' });
  await exception.getByRole('radio', { name: /^Special hours/ }).check();
  await exception.getByLabel('From date').fill(monday);
  await exception.getByLabel('Open from').selectOption('14:00');
  await exception.getByLabel('Until', { exact: true }).selectOption('15:00');
  await exception.getByLabel('Reason (optional)').fill('Pop-up afternoon');
  await exception.getByRole('button', { name: 'Add exception' }).click();
  const upcoming = page.getByRole('list', { name: 'Upcoming exceptions' });
  await expect(upcoming.getByRole('listitem')).toHaveCount(1);
  await expect(upcoming).toContainText('Special hours');
  await expect(upcoming).toContainText('14:00–15:00 · Pop-up afternoon');
  await expect.poll(() => startsOn(monday)).toEqual(['14:00', '14:30']);

  // The service: a start every 60 minutes instead of every 30.
  await page
    .getByRole('navigation', { name: 'Catalog sections' })
    .getByRole('link', { name: 'Services' })
    .click();
  await page.getByRole('link', { name: `Edit ${service.name}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: service.name })).toBeVisible();
  await page.getByLabel('Start times every (minutes)').fill('60');
  await page.getByRole('button', { name: 'Save service' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Saved ${service.name}.` }),
  ).toBeVisible();
  await expect.poll(() => startsOn(sunday)).toEqual(['10:00', '11:00']);
  await expect.poll(() => startsOn(monday)).toEqual(['14:00']);

  // The reservation dialog offers exactly those times.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reservations' })
    .click();
  await page.getByRole('button', { name: 'New reservation' }).click();
  const dialog = page.getByRole('dialog', { name: 'New reservation' });
  await dialog.getByLabel('Service').selectOption({ label: `${service.name} · 30 min` });
  await dialog.getByLabel('Date').fill(sunday);
  const times = dialog.getByRole('radiogroup', { name: 'Free times' });
  await expect(times.getByRole('radio')).toHaveCount(2);
  await expect(times.getByRole('radio', { name: '10:00', exact: true })).toBeAttached();
  await expect(times.getByRole('radio', { name: '11:00', exact: true })).toBeAttached();
  await dialog.getByLabel('Date').fill(monday);
  await expect(times.getByRole('radio')).toHaveCount(1);
  await expect(times.getByRole('radio', { name: '14:00', exact: true })).toBeAttached();
});
