// `ov-signin/inspector`: registers <ov-flow-inspector> (a side effect, like `ov-signin/define`) and
// exports what it records. Pages that do not import it pay only the request hook of the core
// (src/transport/request-trace.ts).
import { OvFlowInspector } from './ov-flow-inspector.js';

export { OvFlowInspector };
export { FlowTimeline, MAX_ENTRIES } from './timeline.js';
export type { InspectableSignin } from './timeline.js';
export { MASK, mask, maskedPath, isSecretName } from './mask.js';
export type {
  EventEntry,
  PollEntry,
  RequestEntry,
  StepEntry,
  StepStatus,
  TimelineEntry,
  TimelineReport,
} from './entries.js';

if (!customElements.get('ov-flow-inspector')) customElements.define('ov-flow-inspector', OvFlowInspector);
