import http from 'node:http';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import { bareHost, type ResolvedTarget } from './address-guard';

/**
 * One webhook POST over node:http(s), connected to the address the SSRF guard checked
 * (the socket's `lookup` answers with it; no second DNS query). Redirects are not
 * followed — a 3xx is a failed try like any non-2xx. The timeout covers the whole
 * exchange, response body included (the dispatcher passes what its try's deadline leaves); the body is read (to free the socket) and its start
 * kept for the attempt's error.
 */
export interface SendResult {
  status: number;
  /** The first characters of the response body, for the attempts list. */
  excerpt: string;
}

const EXCERPT_CHARS = 200;
const MAX_RESPONSE_BYTES = 64 * 1024;

export function postWebhook(
  url: URL,
  target: ResolvedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  /** The try's whole budget, for the message (the lookup may have used part of it). */
  budgetMs = timeoutMs,
): Promise<SendResult> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve, reject) => {
    const req = client.request(
      {
        method: 'POST',
        protocol: url.protocol,
        hostname: bareHost(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Reservations-Webhooks/1',
          ...headers,
        },
        // Node asks for every address when it may race IPv4 and IPv6 (autoSelectFamily).
        lookup: (_hostname, options, callback) => {
          const answer: LookupAddress = { address: target.address, family: target.family };
          if ((options as { all?: boolean }).all) {
            (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [answer]);
          } else {
            callback(null, answer.address, answer.family);
          }
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, excerpt: text.slice(0, EXCERPT_CHARS) });
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error(`Timed out after ${Math.round(budgetMs / 1000)} s.`)),
      timeoutMs,
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
