// Types for the ov-* tags in Vue templates (Volar / vue-tsc): each tag's props are its element's
// properties (from HTMLElementTagNameMap, which ov-signin's declarations fill in) and its events
// become `on*` props, so `@ov-success="onSuccess"` is checked against OvSuccessEvent.
import type { DefineComponent } from 'vue';
import type { OvCancelEvent, OvErrorEvent, OvStepEvent, OvSuccessEvent, OvTerminalEvent } from 'ov-signin';
import type {} from 'ov-signin/inspector';

type PropsOf<Tag extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[Tag], keyof HTMLElement>>;

interface OvSigninEvents {
  onOvStep?: (event: OvStepEvent) => void;
  onOvSuccess?: (event: OvSuccessEvent) => void;
  onOvTerminal?: (event: OvTerminalEvent) => void;
  onOvError?: (event: OvErrorEvent) => void;
  onOvCancel?: (event: OvCancelEvent) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'ov-signin': DefineComponent<
      PropsOf<'ov-signin'> & OvSigninEvents & { 'client-id'?: string; 'redirect-uri'?: string }
    >;
    'ov-flow-inspector': DefineComponent<PropsOf<'ov-flow-inspector'> & { for?: string }>;
  }
}
