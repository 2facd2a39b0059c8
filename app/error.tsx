'use client';

import { PageError } from '@/components/ui/PageError';

/** A render that failed: an outage waits calmly and comes back by itself (PageError). */
export default PageError;
