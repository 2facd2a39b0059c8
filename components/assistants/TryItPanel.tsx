'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, apiFetch, errorMessage } from '@/components/api/apiFetch';
import { EmptyState } from '@/components/ui/EmptyState';
import { FormSkeleton } from '@/components/ui/ListSkeleton';
import { LoadError } from '@/components/ui/LoadError';
import { useServices } from '@/components/catalog/queries';
import styles from '@/components/catalog/catalog.module.css';
import { Alert, Button, Card, Select } from '@/components/ui';
import { TextArea } from '@/components/ui/TextArea';
import type { ToolName } from '@/lib/ai/schemas';
import { exampleArguments, followUp, todayIn } from './examples';
import { useAssistantTools } from './queries';
import { summaryOf } from './ToolPicker';
import own from './assistants.module.css';
import { LoadingOrOutage } from '@/components/ui/QueryView';

type Outcome =
  | { ok: true; tool: ToolName; result: unknown }
  | { ok: false; tool: ToolName; status: number; envelope: unknown; message: string };

const WRITES: readonly ToolName[] = ['create_reservation', 'update_reservation'];

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Runs the assistant's saved tools through `/tool-calls`, exactly as a model would: pick a
 * tool, edit its JSON arguments, see the JSON result or the error.
 */
export function TryItPanel({ assistantId, timezone }: { assistantId: string; timezone: string }) {
  const tools = useAssistantTools(assistantId);
  const services = useServices();
  const queryClient = useQueryClient();
  const resultId = useId();
  const [picked, setPicked] = useState<ToolName | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);

  const enabled = tools.data ?? [];
  const tool = enabled.find((t) => t.name === picked) ?? enabled[0];
  const firstService =
    (services.data ?? []).find((s) => s.is_active)?.id ?? services.data?.[0]?.id ?? null;
  const example = (name: ToolName) =>
    pretty(exampleArguments(name, { today: todayIn(timezone), serviceId: firstService }));
  const argsText = text ?? (tool ? example(tool.name) : '');

  const run = useMutation({
    mutationFn: async ({ name, args }: { name: ToolName; args: unknown }): Promise<Outcome> => {
      try {
        const answer = await apiFetch<{ result: unknown }>(
          `/api/ai-assistants/${assistantId}/tool-calls`,
          { method: 'POST', body: { tool: name, arguments: args } },
        );
        return { ok: true, tool: name, result: answer.result };
      } catch (error) {
        if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error;
        const { code, message, details } = error;
        const envelope = { error: { code, message, ...(details.length ? { details } : {}) } };
        return { ok: false, tool: name, status: error.status, envelope, message };
      }
    },
    onSuccess: (outcome) => {
      // A booking or change made here shows on the Reservations page at once.
      if (outcome.ok && WRITES.includes(outcome.tool)) {
        void queryClient.invalidateQueries({ queryKey: ['reservations'] });
        void queryClient.invalidateQueries({ queryKey: ['reservation-available-slots'] });
      }
    },
  });

  function choose(name: ToolName, args?: Record<string, unknown>) {
    setPicked(name);
    setText(args ? pretty(args) : null);
    setJsonError(null);
    run.reset();
  }

  function submit() {
    if (!tool) return;
    let args: unknown;
    try {
      args = JSON.parse(argsText || '{}');
    } catch (error) {
      setJsonError(`Not valid JSON: ${(error as Error).message}`);
      return;
    }
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      setJsonError('The arguments must be a JSON object: { … }.');
      return;
    }
    setJsonError(null);
    run.mutate({ name: tool.name, args });
  }

  const outcome = run.data;
  const next = outcome?.ok ? followUp(outcome.tool, outcome.result) : null;
  const nextEnabled = next && enabled.some((t) => t.name === next.tool) ? next : null;

  return (
    <Card
      id="try-it"
      title="Try it"
      description="Runs this assistant's saved tools exactly as a model calling them would, and shows what it gets back."
    >
      {tools.isPending ? (
        <LoadingOrOutage queries={[tools]}>
          <FormSkeleton label="Loading the tools" />
        </LoadingOrOutage>
      ) : tools.isError ? (
        <LoadError what="the tools" error={tools.error} onRetry={() => void tools.refetch()} />
      ) : !tool ? (
        <EmptyState title="No tools to try yet">
          Tick at least one tool above and save the assistant.
        </EmptyState>
      ) : (
        <form
          className={styles.form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Select
            label="Tool"
            value={tool.name}
            options={enabled.map((t) => ({ value: t.name, label: t.name }))}
            hint={summaryOf(tool)}
            onChange={(event) => choose(event.target.value as ToolName)}
          />
          {WRITES.includes(tool.name) && (
            <Alert tone="warning">
              This tool changes real reservations of your organization, recorded as made by this
              assistant.
            </Alert>
          )}
          <TextArea
            label="Arguments (JSON)"
            rows={9}
            className={own.jsonField}
            spellCheck={false}
            autoCapitalize="none"
            autoComplete="off"
            value={argsText}
            error={jsonError ?? undefined}
            hint={`Prefilled with an example: today is ${todayIn(timezone)} in ${timezone}. Instants need an offset, e.g. Z.`}
            onChange={(event) => {
              setText(event.target.value);
              setJsonError(null);
            }}
          />
          <div className={`${styles.formActions} ${styles.formActionsStart}`}>
            <Button type="submit" variant="primary" loading={run.isPending}>
              Run {tool.name}
            </Button>
            <Button
              variant="ghost"
              onClick={() => choose(tool.name)}
              disabled={text === null || run.isPending}
            >
              Reset the example
            </Button>
          </div>
        </form>
      )}

      <div id={resultId} aria-live="polite" className={own.result}>
        {run.isError && (
          <Alert tone="error" title="The call did not go through.">
            {errorMessage(run.error)}
          </Alert>
        )}
        {outcome && (
          <>
            <p className={own.resultHead}>
              <span
                className={`${styles.badge} ${outcome.ok ? styles.badgeSuccess : styles.badgeDanger}`}
              >
                {outcome.ok ? '200 OK' : `${outcome.status} error`}
              </span>{' '}
              {outcome.ok ? (
                <>
                  Result of <span className={styles.code}>{outcome.tool}</span>
                </>
              ) : (
                <span>{outcome.message}</span>
              )}
            </p>
            <pre
              className={own.code}
              tabIndex={0}
              aria-label={outcome.ok ? 'Result (JSON)' : 'Error (JSON)'}
            >
              {pretty(outcome.ok ? outcome.result : outcome.envelope)}
            </pre>
            {nextEnabled && (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => choose(nextEnabled.tool, nextEnabled.args)}
              >
                {nextEnabled.label} ({nextEnabled.tool})
              </Button>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
