import {
  servicesCollection,
  resourcesCollection,
  serviceResourcesCollection,
  availabilityCollection,
  exceptionsCollection,
} from '@/lib/catalog/collections';
import { companiesCollection, contactsCollection, dealsCollection } from '@/lib/crm/collections';
import { collectionRoutes } from '@/lib/crud/routes';
import { customFieldsCollection } from '@/lib/custom-fields/collection';
import { holdRoutes } from '@/lib/holds/routes';
import { healthRoutes } from '@/lib/http/health';
import { createRouter } from '@/lib/http/router';
import { createAnswerCheck } from '@/lib/openapi/answer-check';
import { openApiRoutes } from '@/lib/openapi/route';
import type { Route } from '@/lib/http/route';
import { reservationRoutes } from '@/lib/reservations/routes';
import { uploadRoutes } from '@/lib/uploads/routes';
import { bookingLinksCollection } from '@/lib/booking-links/collection';
import { publicBookingRoutes } from '@/lib/booking-links/routes';
import { aiAssistantRoutes, aiAssistantsCollection } from '@/lib/ai';
import { webhookRoutes } from '@/lib/webhooks/routes';
import { notificationRoutes } from '@/lib/notifications/routes';
import { accountRoutes } from './account-routes';

/** Every /api route, in one list: the router, the OpenAPI document and the tests read it. */
export const collections = [
  contactsCollection,
  companiesCollection,
  dealsCollection,
  servicesCollection,
  resourcesCollection,
  serviceResourcesCollection,
  availabilityCollection,
  exceptionsCollection,
  customFieldsCollection,
  bookingLinksCollection,
  aiAssistantsCollection,
];

export const routes: Route[] = [
  ...healthRoutes,
  ...accountRoutes,
  ...collections.flatMap(collectionRoutes),
  ...reservationRoutes,
  ...holdRoutes,
  ...uploadRoutes,
  ...publicBookingRoutes,
  ...webhookRoutes,
  ...notificationRoutes,
  ...aiAssistantRoutes,
  // Read on first request, when this list is complete.
  ...openApiRoutes(() => source()),
];

const source = () => ({ routes, collections });

export const apiRouter = createRouter(routes, {
  // Every answer is checked against the API reference, except in production (issue 17).
  checkAnswer: process.env.NODE_ENV === 'production' ? undefined : createAnswerCheck(source),
});
