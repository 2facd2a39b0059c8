'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { Alert, Card, TextField } from '@/components/ui';
import { Checkbox } from '@/components/ui/Checkbox';
import field from '@/components/ui/Field.module.css';
import { TextArea } from '@/components/ui/TextArea';
import { BookingLinkCreateSchema } from '@/lib/booking-links/schemas';
import { friendlyMessages, toTextOrNull } from '../formHelpers';
import { SaveActions } from '../SaveActions';
import { saveRecord } from '../saveRecord';
import { ColorField } from '../services/ColorField';
import { BookingLinkPreviewCard } from './BookingLinkPreview';
import {
  FIELDS,
  suggestSlug,
  toFieldErrors,
  valuesOf,
  type BookingLinkOutput,
  type BookingLinkValues,
} from './bookingLinkValues';
import { ImageField } from './ImageField';
import { bookingPath } from './LinkActions';
import { bookingLinkKeys, useActiveServices, useServicesById } from './queries';
import { QuestionPicker } from './QuestionPicker';
import { ServicePicker } from './ServicePicker';
import type { BookingLink } from './types';
import styles from '../catalog.module.css';
import own from './bookingLinks.module.css';

/**
 * Creates or edits a §11 booking link, validated by the API's BookingLinkCreateSchema, beside
 * a live preview of its public page. Server errors land on the field they name (a taken slug
 * on the slug, an unusable service on the service list).
 */
export function BookingLinkForm({
  link,
  organizationName,
  title,
  description,
  flash,
  onSaved,
}: {
  link?: BookingLink;
  organizationName: string;
  title: string;
  description?: string;
  /** A success message shown above the buttons (the last save). */
  flash?: string | null;
  onSaved: (link: BookingLink) => void;
}) {
  const queryClient = useQueryClient();
  const colorLabelId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  // A new link's slug follows its name until someone types in the slug itself.
  const [slugTouched, setSlugTouched] = useState(Boolean(link));
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<BookingLinkValues, unknown, BookingLinkOutput>({
    resolver: zodResolver(BookingLinkCreateSchema, friendlyMessages),
    defaultValues: valuesOf(link),
  });
  const values = useWatch({ control });
  const config = values.page_config ?? {};

  const activeServices = useActiveServices();
  const selectedIds = values.service_ids ?? [];
  const activeById = new Map((activeServices.data ?? []).map((s) => [s.id, s]));
  // Saved or ticked ids outside the active list; one unticked stays listed until saved (undo).
  const inactiveIds = activeServices.isSuccess
    ? [...new Set([...(link?.service_ids ?? []), ...selectedIds])].filter(
        (id): id is string => typeof id === 'string' && !activeById.has(id),
      )
    : [];
  const inactive = useServicesById(inactiveIds);
  const offered = selectedIds
    .flatMap((id) => activeById.get(id ?? '') ?? [])
    .sort((a, b) => a.name.localeCompare(b.name));

  const nameField = register('name');
  const slug = values.slug ?? '';

  async function onSubmit(submitted: BookingLinkOutput) {
    setFormError(null);
    try {
      const saved = await saveRecord<BookingLink>(
        '/api/reservation-booking-links',
        link?.id,
        link ? patchOf(submitted, link) : submitted,
      );
      void queryClient.invalidateQueries({ queryKey: bookingLinkKeys.all });
      reset(valuesOf(saved));
      onSaved(saved);
    } catch (error) {
      const known = [...(activeServices.data ?? []), ...inactive];
      setFormError(
        applyServerErrors<BookingLinkValues>(
          toFieldErrors(error, submitted, known),
          FIELDS,
          setError,
        ),
      );
    }
  }

  return (
    <div className={own.layout}>
      <Card title={title} description={description}>
        <a href="#booking-link-preview" className={own.previewJump}>
          See the preview <span aria-hidden="true">↓</span>
        </a>
        <form className={styles.form} onSubmit={handleSubmit(onSubmit)} noValidate>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Link</legend>
            <div className={styles.grid2}>
              <TextField
                label="Name"
                autoComplete="off"
                placeholder="e.g. Online booking"
                hint="For your team; customers see the title below."
                error={errors.name?.message}
                {...nameField}
                onChange={(event) => {
                  void nameField.onChange(event);
                  if (!slugTouched)
                    setValue('slug', suggestSlug(event.target.value), {
                      shouldDirty: true,
                      shouldValidate: Boolean(errors.slug),
                    });
                }}
              />
              <TextField
                label="Slug"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                placeholder="online-booking"
                hint={slugHint(slug, Boolean(link))}
                error={errors.slug?.message}
                {...register('slug', {
                  // Emptied by hand, it follows the name again.
                  onChange: (event: { target: { value: string } }) =>
                    setSlugTouched(event.target.value !== ''),
                })}
              />
            </div>
            <Checkbox
              label="Active"
              hint="Customers can book through an active link; an inactive one shows them “not found”."
              error={errors.is_active?.message}
              {...register('is_active')}
            />
          </fieldset>

          <Controller
            control={control}
            name="service_ids"
            render={({ field: ids, fieldState }) => (
              <ServicePicker
                active={activeServices}
                inactive={inactiveIds.map((id) => ({
                  id,
                  service: inactive.find((s) => s.id === id),
                }))}
                value={ids.value}
                onChange={ids.onChange}
                onBlur={ids.onBlur}
                inputRef={ids.ref}
                error={fieldState.error?.message}
              />
            )}
          />

          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Page</legend>
            <TextField
              label="Title"
              autoComplete="off"
              placeholder={values.name || 'Book an appointment'}
              hint="The page's heading. Empty: the link's name."
              error={errors.page_config?.title?.message}
              {...register('page_config.title', { setValueAs: toTextOrNull })}
            />
            <TextArea
              label="Description"
              hint="Under the title: what to expect, where you are. Optional."
              error={errors.page_config?.description?.message}
              {...register('page_config.description', { setValueAs: toTextOrNull })}
            />
            <div role="group" aria-labelledby={colorLabelId} className={own.group}>
              <p id={colorLabelId} className={field.label}>
                Accent colour
              </p>
              <Controller
                control={control}
                name="page_config.primary_color"
                render={({ field: color, fieldState }) => (
                  <ColorField
                    name={color.name}
                    value={color.value}
                    onChange={color.onChange}
                    error={fieldState.error?.message}
                  />
                )}
              />
              <p className={field.hint}>Buttons and highlights. No colour: the house blue.</p>
            </div>
            <ImageField
              control={control}
              name="page_config.logo_url"
              label="Logo"
              type="booking-link-logo"
              hint="Square works best; shown small above the title. Optional."
            />
            <ImageField
              control={control}
              name="page_config.cover_url"
              label="Cover image"
              type="booking-link-cover"
              hint="A wide picture across the top of the page. Optional."
            />
          </fieldset>

          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Booking form</legend>
            <Checkbox
              label="Require a phone number"
              hint="Customers must give a phone number as well as their email."
              error={errors.page_config?.require_phone?.message}
              {...register('page_config.require_phone')}
            />
            <Controller
              control={control}
              name="page_config.custom_field_keys"
              render={({ field: keys, fieldState }) => (
                <QuestionPicker
                  value={keys.value ?? []}
                  onChange={keys.onChange}
                  onBlur={keys.onBlur}
                  inputRef={keys.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
            <TextArea
              label="Confirmation message"
              hint="Shown to the customer once they have booked. Optional."
              placeholder="See you soon! Reply to your confirmation email to change anything."
              error={errors.page_config?.confirmation_message?.message}
              {...register('page_config.confirmation_message', { setValueAs: toTextOrNull })}
            />
          </fieldset>

          {/* Outcomes beside the button that saved, where the eye already is. */}
          {formError && <Alert tone="error">{formError}</Alert>}
          {flash && <Alert tone="success">{flash}</Alert>}
          <SaveActions
            noun="booking link"
            editing={Boolean(link)}
            isDirty={isDirty}
            isSubmitting={isSubmitting}
            onDiscard={() => {
              reset();
              setFormError(null);
            }}
          />
        </form>
      </Card>

      <BookingLinkPreviewCard
        slug={slug}
        name={values.name ?? ''}
        organizationName={organizationName}
        config={config}
        services={offered}
      />
    </div>
  );
}

function slugHint(slug: string, saved: boolean): string {
  const rule = 'Lowercase letters, digits and hyphens.';
  if (!slug) return `${rule} It ends the page's address, /book/…`;
  return `${rule} Customers book at ${bookingPath(slug)}${saved ? '; changing it breaks links already shared.' : '.'}`;
}

/**
 * The PATCH body: everything, except unchanged services. The API re-checks every id it is sent
 * (§11: active only), so resending a service deactivated since would block unrelated edits.
 */
function patchOf(values: BookingLinkOutput, link: BookingLink) {
  const before = new Set(link.service_ids);
  const same =
    values.service_ids.length === before.size && values.service_ids.every((id) => before.has(id));
  return same ? { ...values, service_ids: undefined } : values;
}
