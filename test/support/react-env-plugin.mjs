// React's CommonJS entries choose their build with `process.env.NODE_ENV`, which a browser does
// not have: the test server writes "development" in, for React's files only (bundlers do the same).
const REACT_FILES = /\/node_modules\/(react|react-dom|scheduler)\//;

export function reactEnvPlugin() {
  return {
    name: 'ov-react-env',
    transform(context) {
      if (!REACT_FILES.test(context.path) || typeof context.body !== 'string') return undefined;
      return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
    },
  };
}
