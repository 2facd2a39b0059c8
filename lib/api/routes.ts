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
import { healthRoutes } from '@/lib/http/health';
import { createRouter } from '@/lib/http/router';
import type { Route } from '@/lib/http/route';
import { reservationRoutes } from '@/lib/reservations/routes';
import { uploadRoutes } from '@/lib/uploads/routes';
import { bookingLinksCollection } from '@/lib/booking-links/collection';
import { publicBookingRoutes } from '@/lib/booking-links/routes';
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
];

export const routes: Route[] = [
  ...healthRoutes,
  ...accountRoutes,
  ...collections.flatMap(collectionRoutes),
  ...reservationRoutes,
  ...uploadRoutes,
  ...publicBookingRoutes,
];

export const apiRouter = createRouter(routes);
