import { LitElement, css, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { controls, tokens } from '../../styles/tokens.js';
import { translate } from '../../i18n/index.js';
import { sandboxFieldStyles } from './fields-base.js';
import { deepActiveElement } from '../../dom/focus.js';


/**
 * The SandboxCollector's stand-in for a card issuer's 3-D Secure page: a native modal dialog with
 * "Complete authentication" and "Fail authentication". Escape cancels (counts as not completed).
 * Created by `SandboxCollector.handleNextAction`, removed when it closes.
 *
 * @tagname pi-sandbox-challenge
 * @summary Sandbox (TEST MODE) 3-D Secure challenge dialog.
 * @csspart dialog - The dialog.
 */
export class SandboxChallenge extends LitElement {
  static override styles = [
    tokens,
    controls,
    sandboxFieldStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        max-width: min(28rem, calc(100vw - 2rem));
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        padding: calc(var(--_space) * 3);
        font-family: var(--_font);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      h2 {
        margin: 0 0 var(--_space);
        font-size: 1.25em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        margin-top: calc(var(--_space) * 2);
      }
    `,
  ];

  /** BCP 47 locale for the texts. */
  @property() locale = 'en';

  @query('dialog') private _dialog!: HTMLDialogElement;

  private _completed = false;
  private _resolve?: (completed: boolean) => void;
  private _returnFocus: HTMLElement | null = null;

  private t(key: string): string {
    return translate(this.locale || 'en', key);
  }

  /** Shows the challenge; resolves true when "Complete authentication" was chosen. */
  async run(): Promise<boolean> {
    await this.updateComplete;
    this._returnFocus = deepActiveElement();
    this._completed = false;
    const result = new Promise<boolean>((resolve) => (this._resolve = resolve));
    this._dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('button.primary')?.focus();
    return result;
  }

  private finish(completed: boolean): void {
    this._completed = completed;
    this._dialog.close();
  }

  private onClose(): void {
    const resolve = this._resolve;
    this._resolve = undefined;
    const target = this._returnFocus;
    this.remove();
    if (target?.isConnected) target.focus();
    resolve?.(this._completed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page while open: counts as not completed.
    const resolve = this._resolve;
    this._resolve = undefined;
    resolve?.(false);
  }

  override render() {
    return html`
      <dialog part="dialog" aria-labelledby="title" aria-describedby="body" @close=${this.onClose}>
        <p class="badge"><strong>${this.t('sandbox.testMode')}</strong></p>
        <h2 id="title">${this.t('sandbox.challenge.title')}</h2>
        <p id="body">${this.t('sandbox.challenge.body')}</p>
        <div class="actions">
          <button type="button" class="primary" @click=${() => this.finish(true)}>
            ${this.t('sandbox.challenge.complete')}
          </button>
          <button type="button" @click=${() => this.finish(false)}>${this.t('sandbox.challenge.fail')}</button>
        </div>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pi-sandbox-challenge': SandboxChallenge;
  }
}
