'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { friendlyMessages, toTextOrNull } from '@/components/catalog/formHelpers';
import { SaveActions } from '@/components/catalog/SaveActions';
import { saveRecord } from '@/components/catalog/saveRecord';
import styles from '@/components/catalog/catalog.module.css';
import { Alert, Card, TextField } from '@/components/ui';
import { TextArea } from '@/components/ui/TextArea';
import { AiAssistantCreateSchema } from '@/lib/ai/schemas';
import { assistantKeys } from './queries';
import { ToolPicker } from './ToolPicker';
import type { Assistant, ToolInfo } from './types';
import own from './assistants.module.css';

/** The form's values, validated by the API's own AiAssistantCreateSchema. */
type Values = z.input<typeof AiAssistantCreateSchema>;
type Output = z.output<typeof AiAssistantCreateSchema>;

/** Every field a server error may name (array items fold onto the list). */
const FIELDS = ['name', 'instructions', 'internal_tools.tools'] as const;

const valuesOf = (assistant?: Assistant): Values => ({
  name: assistant?.name ?? '',
  instructions: assistant?.instructions ?? null,
  internal_tools: { tools: assistant?.internal_tools.tools ?? [] },
});

/** Server details such as `internal_tools.tools.2` land on the tool list. */
function foldPaths(error: unknown): unknown {
  if (error && typeof error === 'object' && 'details' in error && Array.isArray(error.details)) {
    for (const detail of error.details as { path?: string }[]) {
      if (detail.path?.startsWith('internal_tools.tools.')) detail.path = 'internal_tools.tools';
    }
  }
  return error;
}

/** Creates or edits an assistant: name, instructions for the model, and its tools. */
export function AssistantForm({
  assistant,
  tools,
  title,
  description,
  flash,
  onSaved,
}: {
  assistant?: Assistant;
  tools: readonly ToolInfo[];
  title: string;
  description?: string;
  flash?: string | null;
  onSaved: (assistant: Assistant) => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Values, unknown, Output>({
    resolver: zodResolver(AiAssistantCreateSchema, friendlyMessages),
    defaultValues: valuesOf(assistant),
  });

  async function onSubmit(submitted: Output) {
    setFormError(null);
    try {
      const saved = await saveRecord<Assistant>('/api/ai-assistants', assistant?.id, submitted);
      // The list, this assistant and its tools (the Try it panel) all refetch.
      void queryClient.invalidateQueries({ queryKey: assistantKeys.all });
      reset(valuesOf(saved));
      onSaved(saved);
    } catch (error) {
      setFormError(applyServerErrors<Values>(foldPaths(error), FIELDS, setError));
    }
  }

  return (
    <Card title={title} description={description}>
      {flash && (
        <Alert tone="success" className={own.flash}>
          {flash}
        </Alert>
      )}
      <form className={styles.form} onSubmit={handleSubmit(onSubmit)} noValidate>
        {formError && <Alert tone="error">{formError}</Alert>}
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Assistant</legend>
          <TextField
            label="Name"
            autoComplete="off"
            placeholder="e.g. Front desk"
            hint="For your team, and shown in a reservation's history when it acts."
            error={errors.name?.message}
            {...register('name')}
          />
          <TextArea
            label="Instructions"
            rows={5}
            placeholder="You answer the phone for our salon. Offer at most three times, and confirm the customer's name and email before booking."
            hint="Optional. Given to the model by MCP clients as the server's instructions."
            error={errors.instructions?.message}
            {...register('instructions', { setValueAs: toTextOrNull })}
          />
        </fieldset>
        <Controller
          control={control}
          name="internal_tools.tools"
          render={({ field: list, fieldState }) => (
            <ToolPicker
              tools={tools}
              value={list.value ?? []}
              onChange={list.onChange}
              onBlur={list.onBlur}
              inputRef={list.ref}
              error={fieldState.error?.message ?? errors.internal_tools?.message}
            />
          )}
        />
        <SaveActions
          noun="assistant"
          editing={Boolean(assistant)}
          isDirty={isDirty}
          isSubmitting={isSubmitting}
          onDiscard={() => {
            reset();
            setFormError(null);
          }}
        />
      </form>
    </Card>
  );
}
