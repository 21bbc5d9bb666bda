// The name of the web-test-runner group a test page runs in (`default`, `reduced-motion`), for a
// test file that only means something in the browser its group launches (reduced-motion.test.ts).
export function sessionGroupPlugin() {
  return {
    name: 'ov-session-group',
    executeCommand({ command, session }) {
      return command === 'session-group' ? session.group.name : undefined;
    },
  };
}
