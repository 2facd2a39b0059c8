/**
 * The first bytes each accepted image type starts with. A PUT whose bytes are not the type it
 * declared (and was signed for) is refused, so a file served as `image/png` is a PNG — never
 * HTML or SVG a browser might be talked into running.
 */
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: Record<string, (head: Uint8Array) => boolean> = {
  'image/png': (h) => starts(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (h) => starts(h, [0xff, 0xd8, 0xff]),
  'image/gif': (h) => starts(h, ascii('GIF87a')) || starts(h, ascii('GIF89a')),
  'image/webp': (h) => starts(h, ascii('RIFF')) && starts(h.subarray(8), ascii('WEBP')),
};

/** How many leading bytes `matchesImageType` needs. */
export const MAGIC_BYTES = 12;

function starts(head: Uint8Array, prefix: number[]): boolean {
  return head.length >= prefix.length && prefix.every((byte, i) => head[i] === byte);
}

export function matchesImageType(head: Uint8Array, contentType: string): boolean {
  return SIGNATURES[contentType]?.(head) ?? false;
}
