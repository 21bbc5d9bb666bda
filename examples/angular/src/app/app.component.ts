import { CUSTOM_ELEMENTS_SCHEMA, Component, signal, viewChild } from '@angular/core';
import type { ElementRef } from '@angular/core';
import type { OvErrorEvent, OvSuccessEvent } from 'ov-signin';

@Component({
  selector: 'app-root',
  // The ov-* tags are custom elements: Angular lets them, their properties and events through.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <ov-signin
      #signin
      id="signin"
      [issuer]="issuer"
      [clientId]="clientId"
      [redirectUri]="redirectUri"
      (ov-success)="onSuccess($event)"
      (ov-error)="onError($event)"
    ></ov-signin>
    @if (signedInAs(); as email) {
      <p>Signed in as {{ email }}. <button type="button" (click)="restart()">Again</button></p>
    }
    @if (problem(); as text) {
      <p role="status">{{ text }}</p>
    }
    <ov-flow-inspector for="signin"></ov-flow-inspector>
  `,
})
export class AppComponent {
  // `npm run sim` in the ov-signin repository serves this org on 127.0.0.1:8787.
  readonly issuer = 'http://127.0.0.1:8787/oauth2/default';
  readonly clientId = 'ov-demo';
  readonly redirectUri = `${location.origin}/callback`;
  readonly signedInAs = signal<string | undefined>(undefined);
  readonly problem = signal<string | undefined>(undefined);
  /** The element, typed through HTMLElementTagNameMap (filled in by ov-signin's declarations). */
  readonly signin = viewChild.required<ElementRef<HTMLElementTagNameMap['ov-signin']>>('signin');

  // Typed as Event, which fits however Angular types an event of a schema-allowed element.
  onSuccess(event: Event): void {
    this.signedInAs.set((event as OvSuccessEvent).detail.tokens?.idToken?.claims.email);
  }

  // The widget words the problem on screen in the user's language; this line is for the developer.
  onError(event: Event): void {
    const { problem } = (event as OvErrorEvent).detail;
    this.problem.set(`Last ov-error: ${problem.code} (${problem.message})`);
  }

  restart(): void {
    this.signedInAs.set(undefined);
    this.signin().nativeElement.controller.restart();
  }
}
