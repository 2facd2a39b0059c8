import { expect, findSlot, signIn, test, unique } from './support';

/**
 * The production server's dispatcher renders booking emails (React Email) and, with no
 * SMTP_URL, keeps them in the Outbox. Guards the server's start-up order too: React and
 * react-dom/server must load the same build, or every email fails to render.
 */
test('a booking confirmation is rendered and kept, and reads right in the Outbox', async ({
  page,
  api,
}) => {
  const beard = await api.serviceByName('Beard trim');
  const slot = await findSlot(api, beard.id, { minDays: 3 });
  const customer = unique('Mail Customer');
  const booked = await api.book(beard.id, slot.start_datetime, customer);

  type Message = { id: string; kind: string; status: string; last_error: string | null };
  const confirmation = async () =>
    (
      await api.get<{ data: Message[] }>(
        `/notifications?reservation_id=${booked.id}&kind=confirmation`,
      )
    ).data[0];
  await expect.poll(async () => (await confirmation())?.status, { timeout: 30_000 }).toBe('kept');
  const message = (await confirmation())!;
  expect(message.last_error).toBeNull();

  await signIn(page);
  await page.goto(`/settings/outbox/${message.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Message' })).toBeVisible();
  await expect(page.getByText('Kept', { exact: true })).toBeVisible();
  const email = page.frameLocator('iframe[title^="The email"]');
  await expect(email.getByRole('heading', { name: 'You’re booked' })).toBeVisible();
  await expect(email.getByText(`Hi ${customer.split(' ')[0]},`)).toBeVisible();
  await expect(email.getByText('Beard trim', { exact: true })).toBeVisible();
});
