'use client';

import type { Ref } from 'react';
import styles from '@/components/catalog/catalog.module.css';
import { ChoiceFieldset } from '@/components/ui/ChoiceFieldset';
import type { ToolName } from '@/lib/ai/schemas';
import type { ToolInfo } from './types';
import own from './assistants.module.css';

/** The first paragraph of a tool's description: what it does, in a sentence or two. */
export const summaryOf = (tool: ToolInfo) => tool.description.split('\n\n')[0] ?? '';

/**
 * The tools an assistant may call: a checkbox per tool with its summary, and — folded away —
 * the full text and input schema the model is given.
 */
export function ToolPicker({
  tools,
  value,
  onChange,
  onBlur,
  inputRef,
  error,
}: {
  tools: readonly ToolInfo[];
  value: readonly string[];
  onChange: (names: ToolName[]) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  error?: string;
}) {
  const selected = new Set(value);
  // Kept in registry order, whatever order they were ticked in.
  const toggle = (name: ToolName, on: boolean) =>
    onChange(tools.map((t) => t.name).filter((n) => (n === name ? on : selected.has(n))));

  return (
    <ChoiceFieldset
      legend="Tools"
      hint="What the model may do. Each tool calls the same rules as the API and the staff app; what it books or changes is recorded as made by this assistant."
      error={error}
      className={styles.fieldset}
      legendClassName={styles.legend}
      hintClassName={styles.legendHint}
    >
      {() => (
        <ul className={own.tools}>
          {tools.map((tool, index) => {
            const checkboxId = `tool-${tool.name}`;
            return (
              <li key={tool.name} className={own.tool}>
                <label className={own.toolLabel} htmlFor={checkboxId}>
                  <input
                    id={checkboxId}
                    ref={index === 0 ? inputRef : undefined}
                    type="checkbox"
                    checked={selected.has(tool.name)}
                    onChange={(event) => toggle(tool.name, event.target.checked)}
                    onBlur={onBlur}
                    aria-invalid={error ? true : undefined}
                    aria-labelledby={`${checkboxId}-name`}
                    aria-describedby={`${checkboxId}-summary`}
                  />
                  <span className={styles.radioText}>
                    <strong id={`${checkboxId}-name`} className={own.toolName}>
                      {tool.name}
                    </strong>
                    <span id={`${checkboxId}-summary`}>{summaryOf(tool)}</span>
                  </span>
                </label>
                <details className={own.details}>
                  <summary>What the model reads</summary>
                  <div className={own.detailsBody}>
                    {tool.description
                      .split('\n\n')
                      .slice(1)
                      .map((paragraph) => (
                        <p key={paragraph}>{paragraph}</p>
                      ))}
                  </div>
                </details>
                <details className={own.details}>
                  <summary>Input schema (JSON)</summary>
                  <pre
                    className={own.code}
                    tabIndex={0}
                    aria-label={`Input schema of ${tool.name}`}
                  >
                    {JSON.stringify(tool.input_schema, null, 2)}
                  </pre>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </ChoiceFieldset>
  );
}
