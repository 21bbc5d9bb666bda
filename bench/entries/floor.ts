/**
 * The size floor: Lit and okta-auth-js's IDX entry with nothing of ours, one LitElement that
 * constructs an OktaAuth so neither can be shaken out. Any sign-in element built on both ships at least this.
 */
import { LitElement, html } from 'lit';
import { OktaAuth } from '@okta/okta-auth-js/idx';

class BenchFloor extends LitElement {
  private readonly auth = new OktaAuth({
    issuer: this.getAttribute('issuer') ?? '',
    clientId: this.getAttribute('client-id') ?? '',
  });

  override render() {
    return html`<p>${this.auth.options.issuer}</p>`;
  }
}

customElements.define('bench-floor', BenchFloor);
