// Per-worker environment: quiet logs, a fixed auth secret, the embedded database by default.
process.env.LOG_LEVEL ??= 'silent';
process.env.BETTER_AUTH_SECRET ??= 'test-secret-0123456789abcdef0123456789abcdef';
if (!process.env.DATABASE_URL) process.env.DATA_DIR = 'memory://';
// Public endpoints are rate limited per client; the suite's many calls share one "client".
process.env.RATE_LIMIT_PUBLIC_PER_MINUTE ??= '1000000';
process.env.SIGN_IN_PER_MINUTE_IP ??= '1000000';
process.env.SIGN_IN_PER_MINUTE_ACCOUNT ??= '1000000';
process.env.SIGN_UP_PER_MINUTE_IP ??= '1000000';
process.env.WEBHOOKS_DISPATCHER ??= '0';
