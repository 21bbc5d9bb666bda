/** What an app process (app-process.ts) tells its parent over IPC. */
export type AppMessage =
  | { type: 'listening'; port: number }
  | { type: 'success'; email: string; digest: string }
  | { type: 'error'; message: string }
  | { type: 'stats'; served: number };
