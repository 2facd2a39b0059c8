import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { apiFetch, errorMessage } from './apiFetch';
import {
  isOutageError,
  OUTAGE_WRITE_MESSAGE,
  outageOf,
  progressOf,
  retryDelay,
  retryOutagesNow,
  retryWaitMs,
  sendIdempotentWrite,
  shouldRetryRead,
} from './outage';

const unavailable = (retryAfter: number | null = 5) =>
  new ApiError(503, 'service_unavailable', 'The database is unavailable.', [], retryAfter);
const network = () => new ApiError(0, 'network_error', 'Could not reach the server.');

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('isOutageError', () => {
  it('is a network error, a 503 (with or without our envelope) or a proxy 502/504', () => {
    expect(isOutageError(network())).toBe(true);
    expect(isOutageError(unavailable())).toBe(true);
    expect(isOutageError(new ApiError(503, 'http_503', 'Service Unavailable'))).toBe(true);
    expect(isOutageError(new ApiError(502, 'http_502', 'Bad Gateway'))).toBe(true);
    expect(isOutageError(new ApiError(504, 'http_504', 'Gateway Timeout'))).toBe(true);
  });

  it('is not an answer: a 4xx, a 500, or an error that is not the API’s', () => {
    expect(isOutageError(new ApiError(500, 'internal_error', 'Oops'))).toBe(false);
    expect(isOutageError(new ApiError(409, 'slot_unavailable', 'Taken'))).toBe(false);
    expect(isOutageError(new ApiError(429, 'rate_limited', 'Slow down', [], 30))).toBe(false);
    // A TypeError may be a bug in our code; only apiFetch decides a fetch got no answer.
    expect(isOutageError(new TypeError('Failed to fetch'))).toBe(false);
    expect(isOutageError(null)).toBe(false);
  });

  it('makes a failed write say calmly that nothing was saved', () => {
    expect(errorMessage(unavailable())).toBe(OUTAGE_WRITE_MESSAGE);
    expect(errorMessage(network())).toBe(OUTAGE_WRITE_MESSAGE);
    expect(errorMessage(new ApiError(500, 'internal_error', 'x'))).toMatch(/went wrong/);
  });
});

describe('apiFetch', () => {
  it('keeps a 503’s code and Retry-After, and turns a rejected fetch into a network error', async () => {
    const body = { error: { code: 'service_unavailable', message: 'The database is away.' } };
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify(body), { status: 503, headers: { 'Retry-After': '5' } }),
      ),
    );
    const error = await apiFetch('/api/reservations').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'service_unavailable', retryAfterSeconds: 5 });
    expect(isOutageError(error)).toBe(true);

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const offline = await apiFetch('/api/reservations').catch((e: unknown) => e);
    expect(offline).toMatchObject({ status: 0, code: 'network_error', retryAfterSeconds: null });
    expect(isOutageError(offline)).toBe(true);
  });
});

describe('the wait between tries', () => {
  it('follows Retry-After, within 1–30 s', () => {
    expect(retryWaitMs(0, unavailable(5))).toBe(5_000);
    expect(retryWaitMs(7, unavailable(5))).toBe(5_000);
    expect(retryWaitMs(0, unavailable(1))).toBe(1_000);
    expect(retryWaitMs(0, unavailable(3600))).toBe(30_000);
  });

  it('doubles from 1 s up to 30 s without one', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => retryWaitMs(n, network()))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(retryWaitMs(1, new ApiError(500, 'internal_error', 'x'))).toBe(2_000);
  });

  it('adds up to a tenth of it (at most 1 s) at random', () => {
    expect(retryDelay(0, unavailable(5), () => 0)).toBe(5_000);
    expect(retryDelay(0, unavailable(5), () => 0.999)).toBe(5_499);
    expect(retryDelay(0, unavailable(30), () => 0.999)).toBe(30_999);
    expect(retryDelay(0, network(), () => 0.5)).toBe(1_050);
  });
});

describe('shouldRetryRead', () => {
  it('waits an outage out however long it lasts', () => {
    expect(shouldRetryRead(0, unavailable())).toBe(true);
    expect(shouldRetryRead(500, unavailable())).toBe(true);
    expect(shouldRetryRead(500, network())).toBe(true);
  });

  it('never retries a 4xx, and other failures twice', () => {
    expect(shouldRetryRead(0, new ApiError(404, 'not_found', 'x'))).toBe(false);
    expect(shouldRetryRead(0, new ApiError(429, 'rate_limited', 'x', [], 10))).toBe(false);
    const oops = new ApiError(500, 'internal_error', 'x');
    expect([0, 1, 2].map((n) => shouldRetryRead(n, oops))).toEqual([true, true, false]);
  });
});

describe('outageOf', () => {
  const idle = { fetchStatus: 'idle', failureCount: 0, failureReason: null, error: null } as const;

  it('counts down to the next try while a read waits out an outage', () => {
    const error = unavailable(5);
    expect(
      outageOf({ ...idle, fetchStatus: 'fetching', failureCount: 3, failureReason: error }),
    ).toEqual({ error, retrying: true, retryInSeconds: 5 });
    expect(
      outageOf({ ...idle, fetchStatus: 'fetching', failureCount: 3, failureReason: network() }),
    ).toMatchObject({ retrying: true, retryInSeconds: 4 });
  });

  it('waits for the connection when the browser is offline, and stays quiet otherwise', () => {
    expect(outageOf({ ...idle, fetchStatus: 'paused' })).toEqual({
      error: null,
      retrying: true,
      retryInSeconds: null,
    });
    expect(outageOf({ ...idle, fetchStatus: 'fetching' })).toBeNull();
    const oops = new ApiError(500, 'internal_error', 'x');
    expect(
      outageOf({ ...idle, fetchStatus: 'fetching', failureCount: 1, failureReason: oops }),
    ).toBeNull();
    expect(outageOf({ ...idle, error: oops })).toBeNull();
    expect(outageOf({ ...idle, error: network() })).toMatchObject({ retrying: false });
  });
});

describe('with React Query', () => {
  function client() {
    return new QueryClient({
      defaultOptions: {
        queries: { retry: shouldRetryRead, retryDelay: (n, e) => retryDelay(n, e, () => 0) },
      },
    });
  }

  it('keeps retrying a read through the outage and recovers by itself, data kept meanwhile', async () => {
    vi.useFakeTimers();
    const queries = client();
    queries.setQueryData(['reservations'], ['kept']);
    let down = 4;
    const fn = vi.fn(async () => {
      if (down-- > 0) throw unavailable(1);
      return ['fresh'];
    });
    const done = queries.fetchQuery({ queryKey: ['reservations'], queryFn: fn, staleTime: 0 });
    await vi.advanceTimersByTimeAsync(0);
    const query = queries.getQueryCache().find({ queryKey: ['reservations'] })!;
    expect(outageOf(progressOf(query.state))).toMatchObject({ retrying: true, retryInSeconds: 1 });
    expect(query.state.data).toEqual(['kept']);
    await vi.advanceTimersByTimeAsync(4_000);
    await expect(done).resolves.toEqual(['fresh']);
    expect(fn).toHaveBeenCalledTimes(5);
    expect(outageOf(progressOf(query.state))).toBeNull();
  });

  it('“Try again now” tries at once instead of waiting out the pause', async () => {
    vi.useFakeTimers();
    const queries = client();
    let down = true;
    const fn = vi.fn(async () => {
      if (down) throw unavailable(30);
      return 'back';
    });
    void queries.fetchQuery({ queryKey: ['days'], queryFn: fn }).catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(fn).toHaveBeenCalledTimes(1);
    down = false;
    retryOutagesNow(queries);
    await vi.advanceTimersByTimeAsync(0);
    expect(fn).toHaveBeenCalledTimes(2);
    expect(queries.getQueryData(['days'])).toBe('back');
  });
});

describe('sendIdempotentWrite', () => {
  const noWait = async () => {};

  it('sends again while the server cannot be reached, then returns the answer', async () => {
    const attempts = [network(), unavailable(5)];
    const send = vi.fn(async () => {
      const failure = attempts.shift();
      if (failure) throw failure;
      return 'booked';
    });
    const waits: (number | null)[] = [];
    const result = await sendIdempotentWrite(send, {
      retries: 3,
      wait: noWait,
      onWait: (outage) => waits.push(outage.retryInSeconds),
    });
    expect(result).toBe('booked');
    expect(send).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([1, 5]);
  });

  it('gives up after `retries` more tries, and never repeats an answer', async () => {
    const send = vi.fn(async () => {
      throw unavailable(5);
    });
    await expect(sendIdempotentWrite(send, { retries: 2, wait: noWait })).rejects.toMatchObject({
      status: 503,
    });
    expect(send).toHaveBeenCalledTimes(3);

    const refused = vi.fn(async () => {
      throw new ApiError(409, 'slot_unavailable', 'Taken');
    });
    await expect(sendIdempotentWrite(refused, { retries: 3, wait: noWait })).rejects.toMatchObject({
      status: 409,
    });
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('stops when told to (the form went away)', async () => {
    let gone = false;
    const send = vi.fn(async () => {
      throw network();
    });
    const result = sendIdempotentWrite(send, {
      retries: 5,
      stopped: () => gone,
      wait: async () => {
        gone = true;
      },
    });
    await expect(result).rejects.toMatchObject({ code: 'network_error' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
