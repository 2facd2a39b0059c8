import { apiFetch } from '@/components/api/apiFetch';

/** Creates a record (POST to its collection) or, given its id, updates it (PATCH). */
export function saveRecord<T>(collection: string, id: string | undefined, body: unknown) {
  return id
    ? apiFetch<T>(`${collection}/${id}`, { method: 'PATCH', body })
    : apiFetch<T>(collection, { method: 'POST', body });
}
