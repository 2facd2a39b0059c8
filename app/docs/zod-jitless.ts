import { z } from 'zod';

/**
 * zod (which Scalar uses too) probes for eval with `Function('')` the first time it parses,
 * to compile fast parsers; our CSP forbids eval, so the probe only adds a violation report.
 * Imported before Scalar, whose modules parse while they load.
 */
z.config({ jitless: true });
