import type { ActorKind } from '@/lib/http/context';

/** §9 `source` and `cancelled_by` follow from who is acting. */
export function actorKindToSource(
  kind: ActorKind,
): 'staff' | 'api' | 'booking_link' | 'ai_assistant' {
  switch (kind) {
    case 'staff':
      return 'staff';
    case 'api_key':
      return 'api';
    case 'customer':
      return 'booking_link';
    case 'ai_assistant':
      return 'ai_assistant';
  }
}

export function actorKindToCancelledBy(
  kind: ActorKind,
): 'organization' | 'customer' | 'ai_assistant' {
  return kind === 'customer'
    ? 'customer'
    : kind === 'ai_assistant'
      ? 'ai_assistant'
      : 'organization';
}
