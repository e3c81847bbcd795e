/**
 * What every edit form tracks besides its draft: which fields the person has
 * touched (problems show as they type, or all after a save attempt), the
 * server's refusal of the last save and the field it named.
 */
import { toIpcError } from "./backend";
import type { IpcError } from "./bindings/IpcError";
import { t, type Key } from "./i18n/index.svelte";
import { formField, isClean } from "./validate";

export class FormState {
  touched = $state<Record<string, boolean>>({});
  submitted = $state(false);
  saving = $state(false);
  serverError = $state<IpcError | null>(null);
  /** The field the server named, until the person edits it. */
  serverField = $state<string | undefined>(undefined);

  /** Marks a field as edited; the server's mark on it goes away. */
  touch(field: string): void {
    this.touched[field] = true;
    if (this.serverField === field) this.serverField = undefined;
  }

  /** The sentence to show under `field`, if any. */
  message(problems: Partial<Record<string, Key>>, field: string): string | null {
    const key = problems[field];
    if (key && (this.touched[field] || this.submitted)) return t(key);
    if (this.serverField === field && this.serverError) return t("form.server_field");
    return null;
  }

  /** Whether `field` should be marked invalid. */
  invalid(problems: Partial<Record<string, Key>>, field: string): boolean {
    return this.message(problems, field) !== null;
  }

  /**
   * Runs a save: shows every problem and focuses the first if there are any;
   * otherwise calls `run`, keeping the draft and recording the error if it fails.
   */
  async save<T>(
    problems: Partial<Record<string, Key>>,
    order: readonly string[],
    run: () => Promise<T>,
  ): Promise<T | null> {
    this.submitted = true;
    if (!isClean(problems)) {
      focusField(order.find((f) => problems[f]));
      return null;
    }
    this.saving = true;
    this.serverError = null;
    this.serverField = undefined;
    try {
      return await run();
    } catch (e) {
      this.serverError = toIpcError(e);
      this.serverField = formField(this.serverError.field);
      focusField(this.serverField);
      return null;
    } finally {
      this.saving = false;
    }
  }
}

/** Focuses the input whose id is `field-<name>` (underscores as dashes). */
export function focusField(field: string | undefined): void {
  if (!field) return;
  queueMicrotask(() => document.getElementById(fieldId(field))?.focus());
}

/** The DOM id (and test id) of a form field: `org_number` → `field-org-number`. */
export function fieldId(field: string): string {
  return `field-${field.replace(/_/g, "-")}`;
}

/** Whether an open modal dialog should get the keyboard instead of the form. */
export function modalOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}
