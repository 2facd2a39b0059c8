import {
  type Api,
  calendar,
  calendarSettled,
  chooseView,
  eventOf,
  expect,
  findSlot,
  gotoWeekOf,
  localDate,
  localTime,
  plusMinutes,
  type Reservation,
  signIn,
  type Slot,
  test,
  unique,
} from './support';

const BEARD = 'Beard trim';

/** A reservation of the demo's Beard trim, booked through the API for a new contact. */
async function bookThroughApi(
  api: Api,
  contactPrefix: string,
  accept?: (slot: Slot, all: Slot[]) => boolean,
) {
  const beard = await api.serviceByName(BEARD);
  const slot = await findSlot(api, beard.id, { minDays: 2, accept });
  const name = unique(contactPrefix);
  const reservation = await api.book(beard.id, slot.start_datetime, name);
  return { reservation, name, slot, serviceId: beard.id };
}

test('a reservation created through the API shows on the calendar', async ({ page, api }) => {
  const { reservation, name, slot } = await bookThroughApi(api, 'Api Ada');
  expect(reservation.source).toBe('api');
  expect(reservation.status).toBe('confirmed');
  const time = localTime(slot.start_datetime);

  await signIn(page);
  await gotoWeekOf(page, localDate(slot.start_datetime));
  await expect(eventOf(page, name)).toBeVisible();
  await expect(eventOf(page, name)).toContainText(time);

  await chooseView(page, 'List');
  await expect(eventOf(page, name)).toBeVisible();
  await expect(eventOf(page, name)).toContainText(time);

  // Its drawer says what it is and where it came from.
  await eventOf(page, name).click();
  const drawer = page.getByRole('dialog', { name });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(`${time}–${localTime(slot.end_datetime)}`);
  await expect(drawer).toContainText('Beard trim');
  await expect(drawer.getByText('API', { exact: true })).toBeVisible();
});

test('staff create a reservation in the dialog: service, date, time, new contact', async ({
  page,
  api,
}) => {
  const beard = await api.serviceByName(BEARD);
  const slot = await findSlot(api, beard.id, { minDays: 3 });
  const date = localDate(slot.start_datetime);
  const time = localTime(slot.start_datetime);
  const name = unique('Dialog Dana');

  await signIn(page);
  await gotoWeekOf(page, date);
  await page.getByRole('button', { name: 'New reservation' }).click();
  const dialog = page.getByRole('dialog', { name: 'New reservation' });
  await expect(dialog).toBeVisible();

  // Nothing chosen yet: the form says what is missing.
  await dialog.getByRole('button', { name: 'Create reservation' }).click();
  await expect(dialog.getByText('Choose a service.')).toBeVisible();

  await dialog.getByLabel('Service').selectOption({ label: 'Beard trim · 20 min' });
  await dialog.getByLabel('Date').fill(date);
  const times = dialog.getByRole('radiogroup', { name: 'Free times' });
  await times.getByText(time, { exact: true }).click();
  await expect(times.getByRole('radio', { name: time, exact: true })).toBeChecked();

  // The segmented control hides its radios behind their labels: click the label, as people do.
  await dialog.getByText('New contact', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'New contact' })).toBeChecked();
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Email').fill('dana@example.com');
  await dialog.getByLabel(/^Notes/).fill('Created by the e2e suite');
  await dialog.getByRole('button', { name: 'Create reservation' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: 'Reservation created for' }),
  ).toContainText(name);
  await expect(dialog).toBeHidden();
  // The new booking opens in the drawer and sits on the calendar.
  const drawer = page.getByRole('dialog', { name });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText('Staff');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();
  await expect(eventOf(page, name)).toBeVisible();
  await expect(eventOf(page, name)).toContainText(time);

  const found = await api.get<{ total: number; data: Reservation[] }>(
    `/reservations?${new URLSearchParams({ $search: name })}`,
  );
  expect(found.total).toBe(1);
  expect(found.data[0]).toMatchObject({
    status: 'confirmed',
    source: 'staff',
    start_datetime: slot.start_datetime,
    contact: { name, email: 'dana@example.com' },
  });
});

test('dragging a booking in the week view moves it an hour later', async ({ page, api }) => {
  // A morning or afternoon start with the same time one hour later still free.
  const { reservation, name, slot } = await bookThroughApi(api, 'Drag Dora', (s, all) => {
    const later = plusMinutes(s.start_datetime, 60);
    const hour = Number(localTime(s.start_datetime).slice(0, 2));
    return hour >= 9 && hour <= 16 && all.some((o) => o.start_datetime === later);
  });
  const target = plusMinutes(slot.start_datetime, 60);

  await signIn(page);
  await gotoWeekOf(page, localDate(slot.start_datetime));
  const event = eventOf(page, name);
  await expect(event).toBeVisible();
  await event.scrollIntoViewIfNeeded();

  // One hour on the time axis, measured from its labels.
  const axis = calendar(page);
  const from = await axis.getByText('10:00', { exact: true }).first().boundingBox();
  const to = await axis.getByText('11:00', { exact: true }).first().boundingBox();
  const box = await event.boundingBox();
  if (!from || !to || !box) throw new Error('calendar not laid out');
  const hourPx = to.y - from.y;
  expect(hourPx).toBeGreaterThan(10);

  const x = box.x + box.width / 2;
  const y = box.y + Math.min(8, box.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + hourPx / 2, { steps: 5 });
  await page.mouse.move(x, y + hourPx, { steps: 5 });
  await page.mouse.up();

  await expect(page.getByRole('status').filter({ hasText: `Moved to` })).toContainText(
    localTime(target),
  );
  await expect
    .poll(async () => (await api.reservation(reservation.id)).start_datetime)
    .toBe(target);
  await calendarSettled(page);
  await expect(eventOf(page, name)).toContainText(localTime(target));
});

test('cancelling from the drawer with a reason releases the booking', async ({ page, api }) => {
  const { reservation, name, slot } = await bookThroughApi(api, 'Cancel Cleo');
  const reason = 'Client called: flu';

  await signIn(page);
  await gotoWeekOf(page, localDate(slot.start_datetime));
  await eventOf(page, name).click();
  const drawer = page.getByRole('dialog', { name });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'Cancel reservation' }).click();

  const confirm = page.getByRole('dialog', { name: 'Cancel this reservation?' });
  await expect(confirm).toBeVisible();
  await confirm.getByLabel(/^Reason/).fill(reason);
  await confirm.getByRole('button', { name: 'Cancel reservation' }).click();

  await expect(confirm).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Reservation cancelled.' }),
  ).toBeVisible();
  await expect(drawer.getByText('Cancelled', { exact: true }).first()).toBeVisible();
  await expect(drawer).toContainText(reason);
  // The drawer's history refetches after the change: created, then cancelled by the admin.
  const history = drawer.getByRole('list', { name: 'Status history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('created');
  await expect(history.getByRole('listitem').last()).toContainText('Cancelled');
  await expect(history.getByRole('listitem').last()).toContainText('from Confirmed');
  await expect(history.getByRole('listitem').last()).toContainText('Maya Admin');

  const after = await api.reservation(reservation.id);
  expect(after).toMatchObject({
    status: 'cancelled',
    cancelled_by: 'organization',
    cancellation_reason: reason,
    resource_ids: [],
  });
  // The time is free again for the stylist it held.
  const slots = await api.slots(reservation.service!.id, localDate(slot.start_datetime));
  const again = slots.find((s) => s.start_datetime === slot.start_datetime);
  expect(again?.remaining_capacity ?? 0).toBeGreaterThanOrEqual(slot.remaining_capacity);
});
