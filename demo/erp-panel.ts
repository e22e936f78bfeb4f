/**
 * Demo-only: the ERP side of the seed's back office. Shows the cash-receipts batches the widget's
 * payments land in, and lets you Import and Post them (posting lowers invoice balances), settle ACH
 * payments, and reset the demo data.
 */
import { LitElement, css, html } from 'lit';
import { state } from 'lit/decorators.js';
import { DemoErpClient } from '../src/demo-backend/index.js';
import type { DemoBatch } from '../src/demo-backend/index.js';
import { formatMoney } from '../src/core/money.js';

const STATUS: Record<string, string> = {
  pending_import: 'Pending import',
  imported: 'Imported',
  posted: 'Posted',
  reversed: 'Reversed',
  open: 'Open',
};

const LOAD_ERROR = 'Could not load the ERP batches.';

export class DemoErpPanel extends LitElement {
  static override styles = css`
    :host { display: block; border: 1px solid #c9ced6; border-radius: 8px; padding: 1rem 1.25rem; font-family: system-ui, sans-serif; }
    h2 { margin: 0 0 0.5rem; font-size: 1.15rem; }
    .table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: start; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e3e6ea; }
    .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; margin-top: 0.5rem; }
    button { font: inherit; padding: 0.3rem 0.8rem; }
    .status { min-height: 1.5em; }
    .visually-hidden {
      position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
      overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
    }
  `;

  private readonly erp = new DemoErpClient('/api/v1');
  @state() private batches: DemoBatch[] = [];
  @state() private message = '';
  @state() private busy = false;

  /**
   * Loads the batches. The page calls it once the demo backend runs (not on connect: before the
   * service worker answers, the request would fail), and again after each payment.
   */
  async refresh(): Promise<void> {
    try {
      this.batches = await this.erp.listBatches();
      if (this.message === LOAD_ERROR) this.message = '';
    } catch {
      this.message = LOAD_ERROR;
    }
  }

  private async run(label: string, action: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    try {
      await action();
      this.message = label;
      await this.refresh();
      this.dispatchEvent(new CustomEvent('erp-changed', { bubbles: true, composed: true }));
    } catch (e) {
      this.message = e instanceof Error ? e.message : 'The ERP action failed.';
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const visible = this.batches.filter((b) => b.receipts.length > 0 || b.status === 'open');
    return html`
      <section aria-labelledby="erp-title">
        <h2 id="erp-title">ERP · Cash-receipts batches</h2>
        <p>Each payment creates a cash receipt in the day's open batch. Import it into the ERP, then post it to update balances.</p>
        ${visible.length === 0 ? html`<p>No batches yet.</p>` : visible.map((b) => this.renderBatch(b))}
        <div class="actions">
          <button ?disabled=${this.busy} @click=${() => this.run('Processing ACH payments settled.', () => this.erp.settleAch())}>Settle ACH payments</button>
          <button ?disabled=${this.busy} @click=${() => this.run('Demo data reset.', async () => {
            await this.erp.reset();
            sessionStorage.clear();
            localStorage.removeItem('pay-invoices:walkthrough-complete');
          })}>Reset demo data</button>
        </div>
        <p class="status" role="status">${this.message}</p>
      </section>
    `;
  }

  private renderBatch(b: DemoBatch) {
    return html`
      <h3>Batch ${b.id} · ${STATUS[b.status] ?? b.status} · ${formatMoney(b.total, b.currency, 'en-US')}</h3>
      ${b.receipts.length
        ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Receipts in batch ${b.id}"><table>
            <caption class="visually-hidden">Receipts in batch ${b.id}</caption>
            <thead><tr><th>Receipt</th><th>Date</th><th>Account</th><th>Amount</th><th>Status</th></tr></thead>
            <tbody>
              ${b.receipts.map((r) => html`<tr>
                <td>${r.number}</td><td>${r.date}</td><td>${r.accountName}</td>
                <td>${formatMoney(r.amount, r.currency, 'en-US')}</td><td>${STATUS[r.status] ?? r.status}</td>
              </tr>`)}
            </tbody>
          </table></div>`
        : html`<p>No receipts in this batch.</p>`}
      <div class="actions">
        ${b.status === 'open' && b.receipts.length
          ? html`<button ?disabled=${this.busy} @click=${() => this.run(`Batch ${b.id} imported.`, () => this.erp.importBatch(b.id))}>Import batch ${b.id}</button>`
          : ''}
        ${b.status === 'imported'
          ? html`<button ?disabled=${this.busy} @click=${() => this.run(`Batch ${b.id} posted.`, () => this.erp.postBatch(b.id))}>Post batch ${b.id}</button>`
          : ''}
      </div>
    `;
  }
}
if (!customElements.get('demo-erp-panel')) customElements.define('demo-erp-panel', DemoErpPanel);
