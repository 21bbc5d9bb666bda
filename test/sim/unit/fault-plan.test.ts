import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultPlan, ruleProblem } from '../../../sim/faults/rules.ts';

test('a rule with a count applies to the next N matching requests, then is gone', () => {
  const plan = new FaultPlan();
  plan.replace([{ kind: 'status', path: '/idp/idx/*', count: 2 }]);
  assert.equal(plan.take('POST', '/oauth2/default/v1/token'), undefined);
  assert.equal(plan.take('POST', '/idp/idx/introspect')?.kind, 'status');
  assert.equal(plan.take('POST', '/idp/idx/identify')?.kind, 'status');
  assert.equal(plan.take('POST', '/idp/idx/identify'), undefined);
  assert.deepEqual(plan.list(), []);
});

test('CORS preflights pass unless a rule names OPTIONS', () => {
  const plan = new FaultPlan();
  plan.replace([{ kind: 'drop', path: '/idp/idx/introspect' }]);
  assert.equal(plan.take('OPTIONS', '/idp/idx/introspect'), undefined);
  assert.equal(plan.take('POST', '/idp/idx/introspect')?.kind, 'drop');
  plan.replace([{ kind: 'drop', path: '/idp/idx/introspect', method: 'OPTIONS' }]);
  assert.equal(plan.take('OPTIONS', '/idp/idx/introspect')?.kind, 'drop');
  assert.equal(plan.take('POST', '/idp/idx/introspect'), undefined);
});

test('a ratio applies to that share of matching requests, and only those count', () => {
  const draws = [0.1, 0.9, 0.2, 0.95];
  const plan = new FaultPlan(() => draws.shift()!);
  plan.replace([{ kind: 'latency', path: '/x', ratio: 0.5, count: 2 }]);
  const hits = [0, 1, 2, 3].map(() => plan.take('GET', '/x')?.kind);
  assert.deepEqual(hits, ['latency', undefined, 'latency', undefined]);
  assert.deepEqual(plan.list(), []);
});

test('rules are checked before they are used', () => {
  assert.equal(ruleProblem({ kind: 'status', path: '/idp/idx/*' }), undefined);
  assert.match(ruleProblem({ kind: 'explode', path: '/' })!, /"kind" must be one of/);
  assert.match(ruleProblem({ kind: 'drop', path: 'idp' })!, /"path"/);
  assert.match(ruleProblem({ kind: 'drop', path: '/', count: -1 })!, /"count"/);
  assert.match(ruleProblem({ kind: 'drop', path: '/', ratio: 2 })!, /"ratio"/);
  assert.match(ruleProblem(null)!, /object/);
});
