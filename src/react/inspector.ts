// `ov-signin/react/inspector`: the flow inspector as a React component. A separate entry so that
// React pages that do not use it do not load it (importing it registers <ov-flow-inspector>).
import React from 'react';
import { createComponent } from '@lit/react';
import { OvFlowInspector as OvFlowInspectorElement } from '../inspector/index.js';

/** `<OvFlowInspector htmlFor="signin" />`, or `target={signinRef.current}`. */
export const OvFlowInspector = createComponent({
  react: React,
  tagName: 'ov-flow-inspector',
  elementClass: OvFlowInspectorElement,
  displayName: 'OvFlowInspector',
});
