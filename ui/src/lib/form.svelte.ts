/**
 * What every edit form tracks besides its draft: whether a save is running,
 * and the core's refusal of the last save, shown at the field its
 * `IpcError.field` names (or above the form when it names none of the
 * form's fields). The UI checks nothing itself; it only reports text it
 * could not read, such as a date that is not dd.mm.åååå.
 */
import { toIpcError } from "./backend";
import type { IpcError } from "./types";

export class FormState {
  saving = $state(false);
  /** Set once a save went through: the form may be left without asking. */
  saved = $state(false);
  serverError = $state<IpcError | null>(null);
  /** The field the core named, until the person edits it. */
  serverField = $state<string | undefined>(undefined);
  /** Text the UI could not read, per field, from the last save attempt. */
  unreadable = $state<Record<string, string>>({});

  /** @param fields the fields this form shows, in screen order */
  constructor(readonly fields: readonly string[]) {}

  /** Marks a field as edited; the marks on it go away. */
  touch(field: string): void {
    if (this.serverField === field) this.serverField = undefined;
    if (field in this.unreadable) delete this.unreadable[field];
  }

  /** The sentence to show under `field`, if any. */
  message(field: string): string | null {
    if (this.unreadable[field]) return this.unreadable[field];
    if (this.serverField === field && this.serverError) return this.serverError.message;
    return null;
  }

  /** The refusal to show above the form: one that names none of its fields. */
  get banner(): IpcError | null {
    return this.serverError && !this.serverField ? this.serverError : null;
  }

  /**
   * Runs a save. `unreadable` lists fields whose text the UI could not turn
   * into a value (with the sentence to show); then nothing is sent and the
   * first such field gets the focus. Otherwise `run` goes to the core; a
   * refusal keeps the draft and marks the field the core named.
   */
  async save<T>(run: () => Promise<T>, unreadable: Record<string, string | null> = {}): Promise<T | null> {
    this.unreadable = Object.fromEntries(Object.entries(unreadable).filter((e): e is [string, string] => !!e[1]));
    this.serverError = null;
    this.serverField = undefined;
    const bad = this.fields.find((f) => this.unreadable[f]);
    if (bad) {
      focusField(bad);
      return null;
    }
    this.saving = true;
    try {
      const result = await run();
      this.saved = true;
      return result;
    } catch (e) {
      this.serverError = toIpcError(e);
      const field = formField(this.serverError.field);
      this.serverField = field && this.fields.includes(field) ? field : undefined;
      focusField(this.serverField);
      return null;
    } finally {
      this.saving = false;
    }
  }
}

/**
 * Maps a core `IpcError.field` ("keywords[2]", "deadline", "organisation.id")
 * to the form field it names.
 */
export function formField(serverField: string | undefined): string | undefined {
  return serverField ? serverField.split(/[.[]/)[0] : undefined;
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
