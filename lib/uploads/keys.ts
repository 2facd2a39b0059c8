import { randomUUID } from 'node:crypto';
import {
  UPLOAD_EXTENSIONS,
  UPLOAD_TYPES,
  type UploadContentType,
  type UploadType,
} from './schemas';

/**
 * `<organization_id>/<type>/<uuid>.<ext>`: organization-scoped, unguessable, and made only of
 * characters that need no escaping in a URL path or on any filesystem.
 */
export function newStorageKey(
  organizationId: string,
  type: UploadType,
  contentType: UploadContentType,
): string {
  return `${organizationId}/${type}/${randomUUID()}.${UPLOAD_EXTENSIONS[contentType]}`;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY_PATTERN = new RegExp(
  `^(${UUID})/(${UPLOAD_TYPES.join('|')})/(${UUID})\\.(${Object.values(UPLOAD_EXTENSIONS).join('|')})$`,
);

const TYPE_OF_EXTENSION = Object.fromEntries(
  Object.entries(UPLOAD_EXTENSIONS).map(([type, ext]) => [ext, type]),
) as Record<string, UploadContentType>;

/** A key we could have issued, or null: the only gate between a URL and a file path. */
export function parseStorageKey(
  key: string,
): { organizationId: string; type: UploadType; contentType: UploadContentType } | null {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  return {
    organizationId: m[1]!,
    type: m[2] as UploadType,
    contentType: TYPE_OF_EXTENSION[m[4]!]!,
  };
}
