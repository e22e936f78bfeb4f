import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import { controls, tokens } from '../../styles/tokens.js';
import { registerDefaultMessages, translate } from '../../i18n/index.js';
import { sandbox as messages } from '../../i18n/en/sandbox.js';
import { CollectorError } from '../types.js';

registerDefaultMessages('en', messages);

/**
 * Tells the element around the fields (the modal) what it may show while the payer types, without
 * any number: whether the entry is complete and, once the bank account number is valid and
 * confirmed, its last four digits (for the ACH authorization text). Bubbles, not composed: it stays
 * inside the tree that renders the fields.
 */
export interface CollectorChangeDetail {
  complete: boolean;
  last4?: string;
}


declare global {
  interface GlobalEventHandlersEventMap {
    'collector-change': CustomEvent<CollectorChangeDetail>;
  }
}

/** The per-field error state of a sandbox fields element. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export const sandboxFieldStyles = css`
  :host {
    background: transparent;
  }
  .badge {
    display: block;
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px dashed var(--_warning);
    border-radius: var(--_radius);
    color: var(--_text);
    background: color-mix(in srgb, var(--_warning) 12%, var(--_bg));
    font-size: 0.875em;
  }
  .badge strong {
    color: var(--_warning);
    letter-spacing: 0.04em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0 0 var(--_space);
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
    gap: var(--_space);
  }
  label {
    font-weight: 600;
  }
  input {
    width: 100%;
  }
`;

/**
 * What the sandbox's card and bank field elements share: locale, messages, per-field errors and the
 * rule that entered numbers live only in the inputs (never in properties, attributes or events) and
 * are cleared after tokenizing or closing.
 */
export abstract class SandboxFieldsBase<F extends string> extends LitElement {
  static override styles = [tokens, controls, sandboxFieldStyles];

  /** BCP 47 locale for labels and messages. */
  @property() locale = 'en';

  /** Field errors currently shown (messages only; never the values). */
  protected errors: FieldErrors<F> = {};

  /** The fields in the order they appear. */
  protected abstract readonly fieldOrder: readonly F[];

  protected t(key: string, params?: Readonly<Record<string, string | number>>): string {
    return translate(this.locale || 'en', key, params);
  }

  /** The input of a field (its id is the field name); null before the element first connects. */
  protected input(field: F): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>(`#${field}`) ?? null;
  }

  /** The current text of a field, read straight from its input. */
  protected value(field: F): string {
    return this.input(field)?.value ?? '';
  }

  /** Checks every field and shows the errors beside them. Returns them in field order. */
  validate(): CollectorError[] {
    const errors = this.check();
    this.errors = {};
    for (const e of errors) {
      const field = e.field as F | undefined;
      if (field && !this.errors[field]) this.errors[field] = e.message;
    }
    this.requestUpdate();
    return errors;
  }

  /** Pure validation of the current values; implemented per element. */
  protected abstract check(): CollectorError[];

  /** Empties every input and error. */
  clear(): void {
    for (const f of this.fieldOrder) {
      const input = this.input(f);
      if (input) input.value = '';
    }
    this.errors = {};
    this.requestUpdate();
  }

  /** Focuses the first field with an error, else the first field. */
  override focus(options?: FocusOptions): void {
    const first = this.fieldOrder.find((f) => this.errors[f]) ?? this.fieldOrder[0];
    if (first) this.input(first)?.focus(options);
  }

  /** Clears the edited field's error; Enter submits the surrounding form. */
  protected onInput(event: Event): void {
    const id = (event.target as HTMLInputElement).id as F;
    if (this.errors[id]) {
      this.errors = { ...this.errors, [id]: undefined };
      this.requestUpdate();
    }
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      this.closest('form')?.requestSubmit();
    }
  }

  protected describedBy(field: F): string | undefined {
    return this.errors[field] ? `${field}-error` : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clear();
  }
}
