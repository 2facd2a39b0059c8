/**
 * How a committed change wakes the dispatcher up early. Kept on globalThis: Next bundles
 * route code separately from the server script that runs the dispatcher, so the two may
 * hold different copies of this module. Without a running dispatcher it does nothing.
 */
const key = Symbol.for('reservations.webhooks.nudge');
type WithNudge = typeof globalThis & { [key]?: () => void };

export function setNudgeHandler(handler: (() => void) | undefined): void {
  (globalThis as WithNudge)[key] = handler;
}

export function nudgeDispatcher(): void {
  (globalThis as WithNudge)[key]?.();
}
