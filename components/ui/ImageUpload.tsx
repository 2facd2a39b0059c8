'use client';

import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { ApiError, apiFetch, errorMessage } from '@/components/api/apiFetch';
import {
  MAX_UPLOAD_BYTES,
  UPLOAD_CONTENT_TYPES,
  type SignedUpload,
  type UploadType,
} from '@/lib/uploads/schemas';
import { Button } from './Button';
import fieldStyles from './Field.module.css';
import styles from './ImageUpload.module.css';

export interface ImageUploadProps {
  label: string;
  /** What the image is for (§12 upload type). */
  type: UploadType;
  /** The current image URL, or none. */
  value: string | null | undefined;
  /** Called with the uploaded image's public URL, or null when it is removed. */
  onChange: (url: string | null) => void;
  hint?: string;
  /** A message from the form (e.g. the server refused the URL). */
  error?: string;
  disabled?: boolean;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string; progress: number | null; preview: string }
  | { kind: 'failed'; message: string };

const ACCEPT = UPLOAD_CONTENT_TYPES.join(',');
const LIMIT_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

/** Why a file cannot be uploaded, in words, or null. Mirrors the server's own limits. */
function checkFile(file: File): string | null {
  if (!(UPLOAD_CONTENT_TYPES as readonly string[]).includes(file.type)) {
    return `“${file.name}” is not a PNG, JPEG, WebP or GIF image.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_UPLOAD_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return `“${file.name}” is ${mb} MB; images can be at most ${LIMIT_MB} MB.`;
  }
  return null;
}

class UploadCancelled extends Error {}

/** The server's words from a refused PUT: our JSON envelope, or an S3 XML <Message>. */
function refusalMessage(xhr: XMLHttpRequest): string {
  const text = xhr.responseText ?? '';
  try {
    const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message;
    if (message) return `The upload was refused: ${message}`;
  } catch {
    /* not JSON */
  }
  const xml = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return xml
    ? `The upload was refused: ${xml}`
    : `The upload was refused (status ${xhr.status}). Try again.`;
}

/** PUTs the file to the signed URL with XMLHttpRequest, which (unlike fetch) reports progress. */
function putFile(
  signed: SignedUpload,
  file: File,
  onProgress: (fraction: number | null) => void,
  register: (xhr: XMLHttpRequest) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    register(xhr);
    xhr.open(signed.method, signed.signed_url);
    for (const [name, value] of Object.entries(signed.headers)) {
      // Browsers set Content-Length (and Host) themselves and refuse to be told.
      if (!/^(content-length|host)$/i.test(name)) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) =>
      onProgress(event.lengthComputable ? event.loaded / event.total : null);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(refusalMessage(xhr)));
    xhr.onerror = () =>
      reject(new Error('The upload did not reach the server. Check your connection and retry.'));
    xhr.onabort = () => reject(new UploadCancelled());
    xhr.send(file);
  });
}

/**
 * A labelled image picker: choose (or drop) a file, checked here for type and size, uploaded
 * through a signed URL from `POST /api/s3-url-signing` with a progress bar, then previewed.
 * Reports the image's public URL through `onChange`; "Remove" reports null.
 */
export function ImageUpload({
  label,
  type,
  value,
  onChange,
  hint,
  error,
  disabled = false,
}: ImageUploadProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState(false);
  const [broken, setBroken] = useState<string | null>(null);

  const uploading = status.kind === 'uploading';
  const preview = uploading ? status.preview : value || null;
  const shownError = status.kind === 'failed' ? status.message : error;
  const showHint = Boolean(hint) && !shownError;
  const describedBy = [showHint && hintId, shownError && errorId].filter(Boolean).join(' ');

  // Cancel an upload still running when the control goes away; free the local preview.
  useEffect(() => () => xhrRef.current?.abort(), []);
  const previewToRevoke = uploading ? status.preview : null;
  useEffect(
    () => () => {
      if (previewToRevoke) URL.revokeObjectURL(previewToRevoke);
    },
    [previewToRevoke],
  );

  async function upload(file: File) {
    const problem = checkFile(file);
    if (problem) {
      setStatus({ kind: 'failed', message: problem });
      return;
    }
    setStatus({
      kind: 'uploading',
      fileName: file.name,
      progress: 0,
      preview: URL.createObjectURL(file),
    });
    setAnnouncement(`Uploading ${file.name}…`);
    try {
      const signed = await apiFetch<SignedUpload>('/api/s3-url-signing', {
        method: 'POST',
        body: { type, file_name: file.name, content_type: file.type, content_length: file.size },
      });
      await putFile(
        signed,
        file,
        (progress) => setStatus((s) => (s.kind === 'uploading' ? { ...s, progress } : s)),
        (xhr) => (xhrRef.current = xhr),
      );
      setBroken(null);
      onChange(signed.public_url);
      setStatus({ kind: 'idle' });
      setAnnouncement(`${file.name} uploaded.`);
    } catch (failure) {
      if (failure instanceof UploadCancelled) {
        setStatus({ kind: 'idle' });
        setAnnouncement('Upload cancelled.');
      } else {
        const message =
          failure instanceof Error && !(failure instanceof ApiError)
            ? failure.message
            : errorMessage(failure);
        setStatus({ kind: 'failed', message });
        setAnnouncement('');
      }
    } finally {
      xhrRef.current = null;
    }
  }

  function choose() {
    inputRef.current?.click();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (disabled || uploading) return;
    const file = event.dataTransfer.files[0];
    if (file) void upload(file);
  }

  return (
    <div
      className={fieldStyles.field}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy || undefined}
    >
      <span id={labelId} className={fieldStyles.label}>
        {label}
      </span>
      <div
        className={[
          styles.zone,
          dragging && styles.dragging,
          shownError && styles.invalid,
          disabled && styles.disabled,
        ]
          .filter(Boolean)
          .join(' ')}
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled && !uploading) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {preview && broken !== preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- any URL or a local blob: next/image needs known hosts
          <img
            className={styles.preview}
            src={preview}
            alt={`${label}: preview`}
            onError={() => setBroken(preview)}
          />
        ) : preview ? (
          <div className={styles.placeholder}>The image at this address cannot be shown.</div>
        ) : (
          <div className={styles.placeholder} aria-hidden="true">
            <svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor">
              <rect x="3" y="4" width="18" height="16" rx="2" strokeWidth="1.5" />
              <circle cx="9" cy="10" r="2" strokeWidth="1.5" />
              <path d="M4 18l5-5 4 4 3-3 4 4" strokeWidth="1.5" />
            </svg>
          </div>
        )}

        <div className={styles.body}>
          {uploading ? (
            <>
              <p className={styles.fileName}>Uploading {status.fileName}</p>
              <div
                className={styles.progress}
                role="progressbar"
                aria-label={`Uploading ${status.fileName}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={
                  status.progress === null ? undefined : Math.round(status.progress * 100)
                }
              >
                <div
                  className={styles.progressBar}
                  style={{ width: `${Math.round((status.progress ?? 0.1) * 100)}%` }}
                />
              </div>
              <div className={styles.actions}>
                <Button size="sm" variant="ghost" onClick={() => xhrRef.current?.abort()}>
                  Cancel
                </Button>
              </div>
            </>
          ) : (
            <>
              <p className={styles.instructions}>
                {value ? 'Drop another image here to replace it, or' : 'Drag an image here, or'}
              </p>
              <div className={styles.actions}>
                <Button
                  ref={chooseRef}
                  size="sm"
                  variant="secondary"
                  onClick={choose}
                  disabled={disabled}
                >
                  {value ? 'Replace image…' : 'Choose image…'}
                </Button>
                {value && (
                  <Button
                    size="sm"
                    variant="dangerGhost"
                    disabled={disabled}
                    onClick={() => {
                      onChange(null);
                      setStatus({ kind: 'idle' });
                      setAnnouncement('Image removed.');
                      chooseRef.current?.focus();
                    }}
                  >
                    Remove
                  </Button>
                )}
              </div>
              <p className={styles.limits}>PNG, JPEG, WebP or GIF, up to {LIMIT_MB} MB.</p>
            </>
          )}
        </div>
        <input
          ref={inputRef}
          type="file"
          accept={ACCEPT}
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          disabled={disabled || uploading}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again still fires a change.
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
      </div>
      {showHint && (
        <p id={hintId} className={fieldStyles.hint}>
          {hint}
        </p>
      )}
      {shownError && (
        <p id={errorId} className={fieldStyles.error} role="alert">
          {shownError}
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
