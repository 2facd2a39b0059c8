'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { apiFetch, type ListResponse } from '@/components/api/apiFetch';
import { Spinner, TextField } from '@/components/ui';
import type { ReservationFormValues } from './formValues';
import type { Contact } from './types';
import styles from './ReservationFormDialog.module.css';

/** Search an existing contact (§2 `$search`) or type a new one inline (§9 `contact {…}`). */
export function ContactPicker({ initialContact }: { initialContact?: Contact | null }) {
  const {
    register,
    setValue,
    control,
    formState: { errors },
  } = useFormContext<ReservationFormValues>();
  const mode = useWatch({ control, name: 'contact_mode' });
  const contactId = useWatch({ control, name: 'contact_id' });
  const [picked, setPicked] = useState<Contact | null>(initialContact ?? null);
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const resultsId = useId();

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  const contacts = useQuery({
    queryKey: ['contacts', { search: debounced }],
    queryFn: () =>
      apiFetch<ListResponse<Contact>>(
        `/api/contacts?${new URLSearchParams({ $search: debounced, $limit: '8' })}`,
      ),
    enabled: mode === 'existing' && !picked && debounced.length > 0,
  });

  const choose = (contact: Contact) => {
    setPicked(contact);
    setValue('contact_id', contact.id, { shouldValidate: true, shouldDirty: true });
  };

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Contact</legend>
      <div className={styles.segmented} role="radiogroup" aria-label="Contact">
        <label className={styles.segment}>
          <input type="radio" value="existing" {...register('contact_mode')} />
          Existing contact
        </label>
        <label className={styles.segment}>
          <input type="radio" value="new" {...register('contact_mode')} />
          New contact
        </label>
      </div>

      {mode === 'existing' ? (
        picked && contactId === picked.id ? (
          <div className={styles.picked}>
            <div>
              <strong>{picked.name}</strong>
              <div className="muted">
                {[picked.email, picked.phone].filter(Boolean).join(' · ')}
              </div>
            </div>
            <button
              type="button"
              className={styles.linkButton}
              onClick={() => {
                setPicked(null);
                setValue('contact_id', '', { shouldDirty: true });
              }}
            >
              Change
            </button>
          </div>
        ) : (
          <div className={styles.field}>
            <TextField
              label="Find a contact"
              type="search"
              placeholder="Name, email or phone"
              value={search}
              autoComplete="off"
              onChange={(event) => setSearch(event.target.value)}
              aria-controls={resultsId}
              error={errors.contact_id?.message}
            />
            <div id={resultsId} className={styles.results} aria-live="polite">
              {contacts.isFetching && <Spinner size={16} label="Searching contacts" />}
              {contacts.data?.data.length === 0 && !contacts.isFetching && (
                <p className="muted">No contact matches. Choose “New contact” to add one.</p>
              )}
              {contacts.data && contacts.data.data.length > 0 && (
                <ul className={styles.resultList}>
                  {contacts.data.data.map((contact) => (
                    <li key={contact.id}>
                      <button
                        type="button"
                        className={styles.result}
                        onClick={() => choose(contact)}
                      >
                        <strong>{contact.name}</strong>
                        <span className="muted">
                          {[contact.email, contact.phone].filter(Boolean).join(' · ')}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )
      ) : (
        <div className={styles.grid2}>
          <TextField
            label="Name"
            autoComplete="off"
            {...register('contact.name')}
            error={errors.contact?.name?.message}
            className={styles.span2}
          />
          <TextField
            label="Email"
            type="email"
            autoComplete="off"
            hint="An existing contact with this email is reused."
            {...register('contact.email')}
            error={errors.contact?.email?.message}
          />
          <TextField
            label="Phone"
            type="tel"
            autoComplete="off"
            {...register('contact.phone')}
            error={errors.contact?.phone?.message}
          />
        </div>
      )}
    </fieldset>
  );
}
